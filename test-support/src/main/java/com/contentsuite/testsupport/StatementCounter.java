package com.contentsuite.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the statements the service sends to the database: every
 * {@code prepareStatement}, {@code prepareCall} and {@code createStatement} on a
 * connection of the context's DataSource, with its SQL text. A test registers it in its
 * own context (with {@code @Import}: the base class's {@code @ContextConfiguration} keeps
 * a nested configuration from being found on its own) and scopes it to one request:
 *
 * <pre class="code">
 * &#64;Import(MyTests.Counting.class)
 * class MyTests extends SomeServiceIntegrationTest {
 *
 * &#64;TestConfiguration(proxyBeanMethods = false)
 * static class Counting {
 *
 *     &#64;Bean
 *     static StatementCounter statementCounter() {
 *         return new StatementCounter();
 *     }
 *
 * }
 *
 * &#64;Autowired
 * StatementCounter statements;
 *
 * Reply page = this.statements.during(() -&gt; this.api.get("/articles/new", null));
 * assertThat(this.statements.count()).as("%s", this.statements.sql()).isEqualTo(2);
 *
 * }
 * </pre>
 *
 * The counter is shared by every thread of the context, so it is exact only while nothing
 * else talks to the database: the context is the test's own, and the service must run no
 * background jobs on the database.
 */
public class StatementCounter implements BeanPostProcessor {

	private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "prepareCall", "createStatement");

	private final List<String> sql = new CopyOnWriteArrayList<>();

	/** Forgets every statement counted so far. */
	public void reset() {
		this.sql.clear();
	}

	/** Statements since the last {@link #reset()}. */
	public int count() {
		return this.sql.size();
	}

	/**
	 * Their SQL text in order ({@code createStatement} has none and is listed as
	 * {@code "<createStatement>"}), to say which statement a failing assertion counted.
	 */
	public List<String> sql() {
		return List.copyOf(this.sql);
	}

	/**
	 * Resets, runs {@code call} (a request: the service has answered when it returns) and
	 * answers its result; {@link #count()} and {@link #sql()} then tell what it cost.
	 */
	public <T> T during(Supplier<T> call) {
		reset();
		return call.get();
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
			return new Counting(dataSource);
		}
		return bean;
	}

	private final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counted(super.getConnection(username, password));
		}

		private Connection counted(Connection connection) {
			InvocationHandler handler = (proxy, method, args) -> invoke(connection, method, args);
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}

		private Object invoke(Connection target, Method method, Object[] args) throws Throwable {
			// The outbox relay polls on its own thread ("outbox-<table>-N") whatever a
			// request does: its statements are not the request's cost.
			if (STATEMENT_METHODS.contains(method.getName())
					&& !Thread.currentThread().getName().startsWith("outbox-")) {
				StatementCounter.this.sql.add((args != null && args.length > 0 && args[0] instanceof String text) ? text
						: "<" + method.getName() + ">");
			}
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

	}

}
