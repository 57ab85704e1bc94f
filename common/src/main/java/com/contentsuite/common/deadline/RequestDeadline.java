package com.contentsuite.common.deadline;

import com.contentsuite.common.web.ApiException;

/**
 * The time by which the current request must be answered. The gateway sends the budget it
 * leaves a service as {@value #HEADER} (milliseconds, relative, so clocks need not
 * agree); each service keeps it for the request's thread, bounds its database waits by it
 * and passes what is left on to the siblings it calls. So a service fails (and rolls
 * back) before the gateway gives up on it, and a client is never told "failed" about
 * something that then happened.
 */
public final class RequestDeadline {

	public static final String HEADER = "X-Internal-Deadline";

	private static final ThreadLocal<Long> DEADLINE_NANOS = new ThreadLocal<>();

	private RequestDeadline() {
	}

	/** Starts a deadline {@code budgetMillis} from now on this thread. */
	public static Scope start(long budgetMillis) {
		Long previous = DEADLINE_NANOS.get();
		DEADLINE_NANOS.set(System.nanoTime() + budgetMillis * 1_000_000L);
		return () -> {
			if (previous != null) {
				DEADLINE_NANOS.set(previous);
			}
			else {
				DEADLINE_NANOS.remove();
			}
		};
	}

	/** Whether this thread serves a request with a deadline. */
	public static boolean isActive() {
		return DEADLINE_NANOS.get() != null;
	}

	/** Milliseconds left (0 once passed), or {@link Long#MAX_VALUE} outside a request. */
	public static long remainingMillis() {
		Long deadline = DEADLINE_NANOS.get();
		if (deadline == null) {
			return Long.MAX_VALUE;
		}
		return Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
	}

	public static boolean hasPassed() {
		return remainingMillis() == 0;
	}

	/** Refuses to start more work once the deadline has passed. */
	public static void check() {
		if (hasPassed()) {
			throw passed();
		}
	}

	public static ApiException passed() {
		return ApiException.unavailable("the request ran out of time, try again later");
	}

	/** Ends a deadline started with {@link #start(long)}. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
