package com.contentsuite.common.operation;

import io.micrometer.observation.Observation;

import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * {@link OperationIdObservationFilter} in a servlet service: a server request's
 * operationID is the one {@link OperationIdFilter} resolved (it runs before the
 * observation starts, and leaves it as a request attribute).
 */
public class ServletOperationIdObservationFilter extends OperationIdObservationFilter {

	@Override
	protected String ownOperationId(Observation.ContextView context) {
		if (context instanceof ServerRequestObservationContext server && server.getCarrier() != null
				&& server.getCarrier().getAttribute(OperationId.MDC_KEY) instanceof String operationId) {
			return operationId;
		}
		return null;
	}

}
