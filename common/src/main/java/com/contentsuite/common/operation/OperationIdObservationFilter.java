package com.contentsuite.common.operation;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationView;

/**
 * Gives every observation of a request the high-cardinality key value {@value #KEY},
 * which the tracing handler turns into its span's tag: the request's own
 * ({@link #ownOperationId}), or the nearest enclosing observation's. So a Feign call's
 * client span or a Redis command's span under a server request carries the request's
 * operationID, whatever thread state (MDC, baggage) it ran with. It runs when an
 * observation stops, reads a few objects and adds one key value: nothing for the metrics,
 * which use only low-cardinality ones.
 * <p>
 * The gateway puts the key value on its server observation when it resolves the
 * operationID; the services' servlet server observations get theirs from
 * {@link ServletOperationIdObservationFilter}.
 */
public class OperationIdObservationFilter implements ObservationFilter {

	/** The tag every span of a request carries. */
	public static final String KEY = OperationId.HEADER;

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context.getHighCardinalityKeyValue(KEY) == null) {
			String operationId = operationIdOf(context);
			if (operationId != null) {
				context.addHighCardinalityKeyValue(KeyValue.of(KEY, operationId));
			}
		}
		return context;
	}

	private String operationIdOf(Observation.ContextView context) {
		Observation.ContextView current = context;
		for (int depth = 0; current != null && depth < 32; depth++) {
			KeyValue tagged = current.getHighCardinalityKeyValue(KEY);
			if (tagged != null) {
				return tagged.getValue();
			}
			String own = ownOperationId(current);
			if (own != null) {
				return own;
			}
			ObservationView parent = current.getParentObservation();
			current = (parent != null) ? parent.getContextView() : null;
		}
		return null;
	}

	/**
	 * The operationID an observation knows by itself (a server request's), or
	 * {@code null}.
	 */
	protected String ownOperationId(Observation.ContextView context) {
		return null;
	}

}
