package com.contentsuite.article.hot;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import com.contentsuite.article.ArticleServiceIntegrationTest;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api.md section 4: a list costs a bounded number of round trips whatever its size.
 * A page of {@code GET /articles/hot} is one Redis call for the IDs, one query for their
 * rows, one query for the viewer's likes and collections and one batch call for the
 * authors, for 2 items as for 20; the lists of what a user liked or collected likewise.
 */
@Import(HotRoundTripsIntegrationTests.Counting.class)
class HotRoundTripsIntegrationTests extends ArticleServiceIntegrationTest {

	private static final int ARTICLES = 25;

	@Autowired
	private StatementCounter statements;

	private long viewer;

	@BeforeEach
	void articlesOfManyAuthors() {
		this.viewer = newUser();
		for (int i = 0; i < ARTICLES; i++) {
			long article = write(newUser());
			if (i % 2 == 0) {
				mark(article, "likes");
			}
			if (i % 3 == 0) {
				mark(article, "collections");
			}
		}
		// The first page after a start builds the sorted set; that is not a page's cost.
		assertThat(this.api.get("/articles/hot", null).errCode()).isZero();
	}

	@Nested
	class Hot {

		@Test
		void aViewersPageCostsTheSameForTwoItemsAsForTwenty() {
			Cost small = cost("/articles/hot?size=2", viewer);
			Cost large = cost("/articles/hot?size=20", viewer);

			assertThat(small.items()).isEqualTo(2);
			assertThat(large.items()).isEqualTo(20);
			assertThat(large.statements()).as("%s against %s", large, small).isEqualTo(small.statements());
			assertThat(large.batchCalls()).isEqualTo(small.batchCalls());
			assertThat(large.statements()).as(large.toString()).isEqualTo(2);
			assertThat(large.batchCalls()).isEqualTo(1);
		}

		@Test
		void anAnonymousPageNeedsNoStatusQuery() {
			Cost small = cost("/articles/hot?size=2", null);
			Cost large = cost("/articles/hot?size=20", null);

			assertThat(large.statements()).as("%s against %s", large, small).isEqualTo(small.statements()).isEqualTo(1);
			assertThat(large.batchCalls()).isEqualTo(small.batchCalls()).isEqualTo(1);
		}

		@Test
		void aLaterPageCostsTheSame() {
			Cost first = cost("/articles/hot?page=1&size=10", viewer);
			Cost second = cost("/articles/hot?page=2&size=10", viewer);

			assertThat(second.items()).isEqualTo(10);
			assertThat(second.statements()).isEqualTo(first.statements());
			assertThat(second.batchCalls()).isEqualTo(first.batchCalls());
		}

	}

	@Nested
	class Marked {

		@Test
		void theListsOfLikesAndCollectionsCostTheSameForTwoItemsAsForTen() {
			for (String list : List.of("/articles/likes", "/articles/collections")) {
				Cost small = cost(list + "?size=2", viewer);
				Cost large = cost(list + "?size=10", viewer);

				assertThat(small.items()).isEqualTo(2);
				assertThat(large.items()).isGreaterThanOrEqualTo(9);
				assertThat(large.statements()).as("%s: %s against %s", list, large, small)
					.isEqualTo(small.statements())
					.isEqualTo(2);
				assertThat(large.batchCalls()).isEqualTo(small.batchCalls()).isEqualTo(1);
			}
		}

	}

	private void mark(long article, String mark) {
		Reply reply = this.api.put("/articles/" + article + "/" + mark, this.viewer, "{\"status\":1}");
		assertThat(reply.errCode()).as(reply.body()).isZero();
	}

	private Cost cost(String path, Long viewer) {
		int batchCalls = USERS.batchCalls();
		this.statements.reset();
		Reply reply = this.api.get(path, viewer);
		assertThat(reply.errCode()).as(reply.body()).isZero();
		return new Cost(reply.data().get("list").size(), this.statements.count(), this.statements.sql(),
				USERS.batchCalls() - batchCalls);
	}

	record Cost(int items, int statements, List<String> sql, int batchCalls) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Counting {

		@Bean
		static StatementCounter statementCounter() {
			return new StatementCounter();
		}

	}

	/**
	 * Wraps the service's DataSource and counts what goes to the database: statements
	 * executed, commits and rollbacks.
	 */
	static final class StatementCounter implements BeanPostProcessor {

		private final Queue<String> executed = new ConcurrentLinkedQueue<>();

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)) {
				return new CountingDataSource(dataSource, this);
			}
			return bean;
		}

		void reset() {
			this.executed.clear();
		}

		int count() {
			return this.executed.size();
		}

		List<String> sql() {
			return new ArrayList<>(this.executed);
		}

		void record(String what) {
			// The outbox relay polls on its own thread ("outbox-<table>-N") whatever the
			// request does: its statements are not the request's cost.
			if (!Thread.currentThread().getName().startsWith("outbox-")) {
				this.executed.add(what);
			}
		}

	}

	static final class CountingDataSource extends DelegatingDataSource {

		private final StatementCounter counter;

		CountingDataSource(DataSource target, StatementCounter counter) {
			super(target);
			this.counter = counter;
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
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					new Counted(connection, this.counter, null));
		}

	}

	/** Counts commits and rollbacks of a connection and executions of its statements. */
	private record Counted(Object target, StatementCounter counter, String sql) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			if (this.target instanceof Connection && (name.equals("commit") || name.equals("rollback"))) {
				this.counter.record(name);
			}
			if (this.target instanceof Statement && name.startsWith("execute")) {
				this.counter.record((this.sql != null) ? this.sql : String.valueOf((args != null) ? args[0] : name));
			}
			Object result;
			try {
				result = method.invoke(this.target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
			if (result instanceof Statement && (name.startsWith("prepare") || name.equals("createStatement"))) {
				Class<?> type = (result instanceof CallableStatement) ? CallableStatement.class
						: (result instanceof PreparedStatement) ? PreparedStatement.class : Statement.class;
				String sql = (args != null && args.length > 0 && args[0] instanceof String text) ? text : null;
				return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type },
						new Counted(result, this.counter, sql));
			}
			return result;
		}

	}

}
