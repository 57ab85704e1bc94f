package com.contentsuite.testsupport;

import java.net.URI;

/**
 * {@link IsolatedInfrastructureInitializer} with the database and Redis reached through
 * {@link TcpProxy proxies} the test controls ({@link #database()}, {@link #redis()}), to
 * take either away while the service runs. One pair of proxies serves every context.
 */
public class OutageInfrastructureInitializer extends IsolatedInfrastructureInitializer {

	private static TcpProxy database;

	private static TcpProxy redis;

	public static synchronized TcpProxy database() {
		if (database == null) {
			URI uri = URI.create(TestInfrastructure.get().jdbcUrl("x").substring("jdbc:".length()));
			database = new TcpProxy(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 3306);
		}
		return database;
	}

	public static synchronized TcpProxy redis() {
		if (redis == null) {
			URI uri = URI.create(TestInfrastructure.get().redisUrl());
			redis = new TcpProxy(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 6379);
		}
		return redis;
	}

	@Override
	protected String jdbcUrl(TestInfrastructure infrastructure, String database) {
		URI real = URI.create(infrastructure.jdbcUrl(database).substring("jdbc:".length()));
		return "jdbc:mysql://127.0.0.1:" + database().port() + real.getRawPath()
				+ ((real.getRawQuery() != null) ? "?" + real.getRawQuery() : "");
	}

	@Override
	protected String redisUrl(TestInfrastructure infrastructure) {
		URI real = URI.create(infrastructure.redisUrl());
		return "redis://127.0.0.1:" + redis().port() + ((real.getRawPath() != null) ? real.getRawPath() : "");
	}

}
