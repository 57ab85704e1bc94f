package com.contentsuite.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports for tests that need nothing to listen. */
final class Ports {

	private Ports() {
	}

	/** A port that was free a moment ago and that nothing listens on now. */
	static int closed() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
