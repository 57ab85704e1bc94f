package com.contentsuite.gateway.forward;

/**
 * The deadline every proxied request carries: the milliseconds the service has left to
 * answer before the gateway gives up, relative (like gRPC's {@code grpc-timeout}) so that
 * no two clocks need agree. Only the gateway sets it: a client's copy is an
 * {@code X-Internal-*} header and is removed.
 */
public final class DeadlineHeader {

	/** The same name as common's {@code RequestDeadline.HEADER}, which services read. */
	public static final String HEADER = "X-Internal-Deadline";

	private DeadlineHeader() {
	}

}
