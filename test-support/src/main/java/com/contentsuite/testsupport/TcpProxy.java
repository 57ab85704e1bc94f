package com.contentsuite.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a real server (the database, Redis) that a test
 * controls, to make that dependency unreachable or slow while a service uses it:
 * {@link #cut()} closes every connection and every new one at once (a server that is
 * down), {@link #stall()} keeps connections open but passes no byte on (a server that
 * hangs), {@link #restore()} goes back to passing bytes.
 */
public final class TcpProxy implements AutoCloseable {

	private enum Mode {

		PASS, STALL, CUT

	}

	private final String targetHost;

	private final int targetPort;

	private final ServerSocket server;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final Object lock = new Object();

	private volatile Mode mode = Mode.PASS;

	public TcpProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		try {
			this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "tcp-proxy-" + port());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return this.server.getLocalPort();
	}

	public void cut() {
		synchronized (this.lock) {
			this.mode = Mode.CUT;
			this.lock.notifyAll();
		}
		closeAll();
	}

	public void stall() {
		this.mode = Mode.STALL;
	}

	public void restore() {
		synchronized (this.lock) {
			this.mode = Mode.PASS;
			this.lock.notifyAll();
		}
	}

	@Override
	public void close() {
		this.mode = Mode.CUT;
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		closeAll();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.mode == Mode.CUT) {
					client.close();
					continue;
				}
				Socket upstream = new Socket(this.targetHost, this.targetPort);
				this.sockets.add(client);
				this.sockets.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				// the server socket was closed, or the target refused: next client
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int n;
				while ((n = in.read(buffer)) >= 0) {
					awaitPassing();
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private void awaitPassing() throws InterruptedException, IOException {
		synchronized (this.lock) {
			while (this.mode == Mode.STALL) {
				this.lock.wait();
			}
		}
		if (this.mode == Mode.CUT) {
			throw new IOException("cut");
		}
	}

	private void closeAll() {
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
	}

	private void closeQuietly(Socket socket) {
		this.sockets.remove(socket);
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
