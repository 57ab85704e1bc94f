package com.contentsuite.common.deadline;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Holds a request's database work to its {@link RequestDeadline}: no connection is taken
 * once the deadline has passed, every round trip waits at most the time left (the
 * driver's network timeout, capped by the statement timeout), and a transaction is rolled
 * back instead of committed when the deadline passed while it ran. Outside a request
 * (scheduled jobs, migrations) connections are handed out as they are.
 */
public class DeadlineDataSource extends DelegatingDataSource {

	// The drivers apply the timeout synchronously when given a caller-runs executor.
	private static final Executor DIRECT = Runnable::run;

	private final long statementTimeoutMillis;

	public DeadlineDataSource(DataSource target, long statementTimeoutMillis) {
		super(target);
		this.statementTimeoutMillis = statementTimeoutMillis;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return bound(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return bound(super.getConnection(username, password));
	}

	private Connection bound(Connection connection) throws SQLException {
		if (!RequestDeadline.isActive()) {
			return connection;
		}
		long remaining = RequestDeadline.remainingMillis();
		if (remaining <= 0) {
			connection.close();
			throw new SQLTimeoutException("request deadline passed before the database was asked");
		}
		connection.setNetworkTimeout(DIRECT, (int) Math.min(remaining, this.statementTimeoutMillis));
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new CommitGuard(connection));
	}

	private record CommitGuard(Connection target) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			if ("commit".equals(method.getName()) && RequestDeadline.isActive() && RequestDeadline.hasPassed()) {
				// The caller is answered "unavailable": what it asked for must not
				// happen.
				this.target.rollback();
				throw new SQLTimeoutException("request deadline passed before commit; rolled back");
			}
			try {
				return method.invoke(this.target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

	}

}
