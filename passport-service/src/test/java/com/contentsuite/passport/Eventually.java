package com.contentsuite.passport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something another thread does (the outbox relay) without fixed sleeps. */
public final class Eventually {

	private Eventually() {
	}

	public static void await(String what, Duration timeout, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted waiting for " + what, ex);
			}
		}
	}

}
