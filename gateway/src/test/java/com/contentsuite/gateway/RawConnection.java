package com.contentsuite.gateway;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One client connection kept open across calls, for what {@link RawHttp} cannot show:
 * keep-alive, partial requests, and whether the server has closed the connection.
 */
final class RawConnection implements Closeable {

	private final Socket socket;

	private RawConnection(Socket socket) {
		this.socket = socket;
	}

	static RawConnection open(int port) {
		try {
			return new RawConnection(new Socket("127.0.0.1", port));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes {@code text}; {@code false} once the server has closed or reset. */
	boolean write(String text) {
		try {
			this.socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
			this.socket.getOutputStream().flush();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Reads one response (Content-Length or chunked) and returns its status; -1 when the
	 * server closed the connection before sending a byte.
	 */
	int readStatus() throws IOException {
		this.socket.setSoTimeout(10_000);
		InputStream in = this.socket.getInputStream();
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int b = readByte(in, head.size() == 0);
			if (b < 0) {
				if (head.size() == 0) {
					return -1;
				}
				throw new IOException("closed in the middle of a response");
			}
			head.write(b);
		}
		String text = head.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		int at = text.indexOf("\r\ncontent-length:");
		if (at >= 0) {
			int end = text.indexOf("\r\n", at + 2);
			in.readNBytes(Integer.parseInt(text.substring(at + 17, end).trim()));
		}
		else {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			while (!body.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")
					&& !body.toString(StandardCharsets.ISO_8859_1).equals("0\r\n\r\n")) {
				body.write(in.read());
			}
		}
		return Integer.parseInt(text.substring(9, 12));
	}

	/** A reset before the first byte counts as a close, like the end of the stream. */
	private static int readByte(InputStream in, boolean first) throws IOException {
		try {
			return in.read();
		}
		catch (SocketException ex) {
			if (first) {
				return -1;
			}
			throw ex;
		}
	}

	/**
	 * Whether the server has closed this connection (end of stream or reset), looking no
	 * longer than a moment; a byte the server sent is consumed.
	 */
	boolean isClosedByServer() {
		try {
			this.socket.setSoTimeout(50);
			return this.socket.getInputStream().read() < 0;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Closed already.
		}
	}

}
