package com.contentsuite.article.like;

import java.util.ArrayList;
import java.util.List;

import com.contentsuite.article.ArticleServiceIntegrationTest;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What likes and collections share (docs/api.md section 4): a per-user mark set with
 * {@code PUT /articles/{articleID}/<path>} {@code {"status": 0 or 1}}, answered with the
 * state after the call and the count, one row per (article, user), the viewer's status in
 * every article answer, and the list of what the user marked.
 * {@link LikesIntegrationTests} and {@code CollectionsIntegrationTests} run these for
 * their own mark.
 */
public abstract class MarkIntegrationTest extends ArticleServiceIntegrationTest {

	private final String path;

	private final String statusField;

	private final String countField;

	private final String table;

	private final String otherStatusField;

	private final String otherCountField;

	@Autowired
	private JdbcClient jdbc;

	@Override
	protected boolean deletesWhatItWrites() {
		return true;
	}

	/**
	 * @param path the mark's sub-resource and list ({@code likes}, {@code collections})
	 * @param statusField the viewer's status field ({@code likeStatus})
	 * @param countField the count field and column ({@code likes})
	 * @param table the mark's rows
	 * @param otherStatusField the other mark's status field, which must not move
	 * @param otherCountField the other mark's count field
	 */
	protected MarkIntegrationTest(String path, String statusField, String countField, String table,
			String otherStatusField, String otherCountField) {
		this.path = path;
		this.statusField = statusField;
		this.countField = countField;
		this.table = table;
		this.otherStatusField = otherStatusField;
		this.otherCountField = otherCountField;
	}

	@Nested
	class Put {

		@Test
		void setsTheMarkAndAnswersTheStateAfterTheCall() {
			long article = write(newUser());
			long reader = newUser();

			Reply reply = mark(article, reader, 1);

			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			assertState(reply, 1, 1);
			assertThat(rows(article)).isEqualTo(1);
			assertThat(rowOf(article, reader)).isEqualTo(1);
			assertThat(counter(article)).isEqualTo(1);
		}

		@Test
		void settingTwiceStoresOneRowAndCountsOnce() {
			long article = write(newUser());
			long reader = newUser();
			mark(article, reader, 1);

			Reply again = mark(article, reader, 1);

			assertState(again, 1, 1);
			assertThat(rows(article)).isEqualTo(1);
			assertThat(counter(article)).isEqualTo(1);
		}

		@Test
		void unsettingAMarkNeverSetAnswersZeroAndStoresNothing() {
			long article = write(newUser());

			Reply reply = mark(article, newUser(), 0);

			assertState(reply, 0, 0);
			assertThat(rows(article)).isZero();
			assertThat(counter(article)).isZero();
		}

		@Test
		void unsettingRemovesTheRowAndTheCountAndIsIdempotentToo() {
			long article = write(newUser());
			long reader = newUser();
			long other = newUser();
			mark(article, reader, 1);
			mark(article, other, 1);

			assertState(mark(article, reader, 0), 0, 1);
			assertState(mark(article, reader, 0), 0, 1);

			assertThat(rowOf(article, reader)).isZero();
			assertThat(rowOf(article, other)).isEqualTo(1);
			assertThat(counter(article)).isEqualTo(1);
		}

		@Test
		void countsEveryUserOnceAndSetsAgainAfterUnsetting() {
			long article = write(newUser());
			long first = newUser();
			long second = newUser();

			assertState(mark(article, first, 1), 1, 1);
			assertState(mark(article, second, 1), 1, 2);
			assertState(mark(article, first, 0), 0, 1);
			assertState(mark(article, first, 1), 1, 2);

			assertThat(rows(article)).isEqualTo(2);
			assertThat(counter(article)).isEqualTo(2);
		}

		@Test
		void theAuthorMayMarkTheirOwnArticleWithoutAskingUserService() {
			long author = newUser();
			long article = write(author);
			int calls = USERS.blacklistCalls();

			assertState(mark(article, author, 1), 1, 1);

			assertThat(USERS.blacklistCalls()).isEqualTo(calls);
		}

		@Test
		void leavesTheOtherMarkAlone() {
			long article = write(newUser());
			long reader = newUser();

			mark(article, reader, 1);

			JsonNode detail = api.get("/articles/" + article, reader).data();
			assertThat(detail.get(MarkIntegrationTest.this.otherStatusField).intValue()).isZero();
			assertThat(detail.get(MarkIntegrationTest.this.otherCountField).longValue()).isZero();
		}

		@ParameterizedTest
		@ValueSource(strings = { "{\"status\":2}", "{\"status\":-1}", "{\"status\":10}", "{}", "{\"status\":null}",
				"{\"status\":1.5}", "{\"status\":1.0}", "{\"status\":1e0}", "{\"status\":true}", "{\"status\":false}",
				"{\"status\":\"2\"}", "{\"status\":\"x\"}", "{\"status\":\"\"}", "{\"status\":\" 1\"}",
				"{\"status\":\"01\"}", "{\"status\":\"1.0\"}", "{\"status\":[1]}", "{\"status\":{}}",
				"{\"status\":{\"status\":1}}", "{\"status\":4294967297}", "{\"status\":99999999999999999999}",
				"{\"other\":1}" })
		void aStatusOtherThanZeroOrOneIsStatusErrorAndStoresNothing(String body) {
			long article = write(newUser());

			Reply reply = send(article, newUser(), body);

			assertThat(reply.status()).as(reply.body()).isEqualTo(400);
			assertThat(reply.errCode()).isEqualTo(1001);
			assertThat(reply.errDlt()).isEqualTo("status error");
			assertThat(rows(article)).isZero();
			assertThat(counter(article)).isZero();
		}

		@ParameterizedTest
		@ValueSource(strings = { "{\"status\":\"1\"}", "{\"status\":1,\"extra\":\"ignored\"}" })
		void aStatusOfOneWrittenAsTextIsOne(String body) {
			// docs/api.md: numeric fields take a string of digits, as everywhere in the
			// suite.
			long article = write(newUser());

			assertState(send(article, newUser(), body), 1, 1);
			assertState(send(article, newUser(), body.replace("1", "0")), 0, 1);
		}

		@Test
		void aBodyThatIsNoJsonObjectIs1001() {
			long article = write(newUser());
			long reader = newUser();

			for (String body : List.of("", "{", "[1]", "1")) {
				Reply reply = send(article, reader, body.isEmpty() ? null : body);
				assertThat(reply.status()).as(body + " -> " + reply.body()).isEqualTo(400);
				assertThat(reply.errCode()).isEqualTo(1001);
			}
			assertThat(rows(article)).isZero();
		}

		@Test
		void anUnknownArticleIs1004() {
			long reader = newUser();
			for (int status : new int[] { 1, 0 }) {
				Reply reply = mark(999_999_999L, reader, status);
				assertThat(reply.status()).as(reply.body()).isEqualTo(404);
				assertThat(reply.errCode()).isEqualTo(1004);
			}
		}

		@Test
		void aDeletedArticleIs1004AndKeepsItsRows() {
			long author = newUser();
			long article = write(author);
			long reader = newUser();
			mark(article, reader, 1);
			delete(author, article);

			for (int status : new int[] { 1, 0 }) {
				Reply reply = mark(article, newUser(), status);
				assertThat(reply.errCode()).as(reply.body()).isEqualTo(1004);
			}
			assertThat(mark(article, reader, 0).errCode()).isEqualTo(1004);
			assertThat(rows(article)).isEqualTo(1);
			assertThat(counter(article)).isEqualTo(1);
		}

		@Test
		void anInvalidArticleIdIs1001() {
			Reply reply = send("abc", newUser(), "{\"status\":1}");

			assertThat(reply.status()).as(reply.body()).isEqualTo(400);
			assertThat(reply.errCode()).isEqualTo(1001);
			assertThat(reply.errDlt()).isEqualTo("articleID is invalid");
		}

		@Test
		void anonymousIs401TokenIsEmpty() {
			long article = write(newUser());

			Reply reply = send(article, null, "{\"status\":1}");

			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.errCode()).isEqualTo(1001);
			assertThat(reply.errDlt()).isEqualTo("token is empty");
			assertThat(rows(article)).isZero();
		}

		@Test
		void aReaderTheAuthorBlacklistedIs1302AndStoresNothing() {
			long author = newUser();
			long article = write(author);
			long reader = newUser();
			USERS.blacklist(author, reader);
			try {
				Reply reply = mark(article, reader, 1);

				assertThat(reply.status()).as(reply.body()).isEqualTo(403);
				assertThat(reply.errCode()).isEqualTo(1302);
				assertThat(rows(article)).isZero();
				assertThat(counter(article)).isZero();
				assertState(mark(article, newUser(), 1), 1, 1);
			}
			finally {
				USERS.unblacklist(author, reader);
			}
		}

		@Test
		void aReaderTheAuthorBlacklistedMayStillTakeTheMarkBack() {
			long author = newUser();
			long article = write(author);
			long reader = newUser();
			mark(article, reader, 1);
			USERS.blacklist(author, reader);
			try {
				assertThat(mark(article, reader, 1).errCode()).isEqualTo(1302);
				assertState(mark(article, reader, 0), 0, 0);
				assertState(mark(article, reader, 0), 0, 0);

				assertThat(rows(article)).isZero();
				assertThat(counter(article)).isZero();
			}
			finally {
				USERS.unblacklist(author, reader);
			}
		}

		@Test
		void withUserServiceDownSettingIs1006AndUnsettingStillWorks() {
			long article = write(newUser());
			long reader = newUser();
			long earlier = newUser();
			mark(article, earlier, 1);
			USERS.down();
			try {
				Reply reply = mark(article, reader, 1);

				assertThat(reply.status()).as(reply.body()).isEqualTo(503);
				assertThat(reply.errCode()).isEqualTo(1006);
				assertThat(rowOf(article, reader)).isZero();
				assertThat(counter(article)).isEqualTo(1);

				assertState(mark(article, earlier, 0), 0, 0);
				assertThat(rows(article)).isZero();
			}
			finally {
				USERS.up();
			}
		}

	}

	@Nested
	class ViewerStatus {

		@Test
		void theDetailShowsTheViewersOwnStatus() {
			long article = write(newUser());
			long reader = newUser();
			mark(article, reader, 1);
			mark(article, newUser(), 1);

			JsonNode own = api.get("/articles/" + article, reader).data();
			JsonNode other = api.get("/articles/" + article, newUser()).data();
			JsonNode anonymous = api.get("/articles/" + article, null).data();

			assertThat(own.get(statusField()).intValue()).isEqualTo(1);
			assertThat(other.get(statusField()).intValue()).isZero();
			assertThat(anonymous.get(statusField()).intValue()).isZero();
			for (JsonNode detail : List.of(own, other, anonymous)) {
				assertThat(detail.get(countField()).longValue()).isEqualTo(2);
			}
		}

		@Test
		void theDetailShowsZeroAfterUnsetting() {
			long article = write(newUser());
			long reader = newUser();
			mark(article, reader, 1);
			mark(article, reader, 0);

			JsonNode own = api.get("/articles/" + article, reader).data();

			assertThat(own.get(statusField()).intValue()).isZero();
			assertThat(own.get(countField()).longValue()).isZero();
		}

		@Test
		void listsShowEachArticlesStatusForTheViewer() {
			long author = newUser();
			long marked = write(author);
			long unmarked = write(author);
			long reader = newUser();
			mark(marked, reader, 1);

			for (String list : List.of("/articles/new?size=50", "/articles/users/" + author, "/articles/hot?size=50")) {
				JsonNode own = item(list, reader, marked);
				assertThat(own.get(statusField()).intValue()).as(list).isEqualTo(1);
				assertThat(own.get(countField()).longValue()).as(list).isEqualTo(1);
				assertThat(item(list, reader, unmarked).get(statusField()).intValue()).as(list).isZero();
				assertThat(item(list, newUser(), marked).get(statusField()).intValue()).as(list).isZero();
				assertThat(item(list, null, marked).get(statusField()).intValue()).as(list).isZero();
			}
			assertThat(item("/articles/mine", author, marked).get(statusField()).intValue()).isZero();
		}

		private JsonNode item(String list, Long viewer, long article) {
			Reply reply = api.get(list, viewer);
			assertThat(reply.errCode()).as(reply.body()).isZero();
			for (JsonNode item : reply.data().get("list")) {
				if (item.get("articleID").asString().equals(Long.toString(article))) {
					return item;
				}
			}
			throw new AssertionError("article " + article + " not in " + list + ": " + reply.body());
		}

	}

	@Nested
	class Mine {

		@Test
		void listsWhatTheUserMarkedMostRecentFirst() {
			long author = newUser();
			long first = write(author);
			long second = write(author);
			long third = write(author);
			long reader = newUser();
			mark(second, reader, 1);
			mark(first, reader, 1);
			mark(third, reader, 1);
			mark(newerArticleMarkedByAnother(), newUser(), 1);

			Reply reply = list(reader, "");

			assertThat(ids(reply)).containsExactly(third, first, second);
			for (JsonNode item : reply.data().get("list")) {
				assertThat(item.get(statusField()).intValue()).isEqualTo(1);
				assertThat(item.get(countField()).longValue()).isEqualTo(1);
				assertThat(item.get("author").get("nickname").asString()).isEqualTo("nick" + author);
				assertThat(item.has("content")).isFalse();
			}
		}

		@Test
		void aMarkSetAgainMovesToTheTopAndAnUnsetOneLeaves() {
			long author = newUser();
			long first = write(author);
			long second = write(author);
			long third = write(author);
			long reader = newUser();
			mark(first, reader, 1);
			mark(second, reader, 1);
			mark(third, reader, 1);

			mark(first, reader, 0);
			mark(first, reader, 1);
			mark(second, reader, 0);
			mark(third, reader, 1);

			assertThat(ids(list(reader, ""))).containsExactly(first, third);
		}

		@Test
		void skipsDeletedArticles() {
			long author = newUser();
			long kept = write(author);
			long deleted = write(author);
			long reader = newUser();
			mark(kept, reader, 1);
			mark(deleted, reader, 1);

			delete(author, deleted);

			assertThat(ids(list(reader, ""))).containsExactly(kept);
		}

		@Test
		void pages() {
			long author = newUser();
			long reader = newUser();
			List<Long> marked = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				long article = write(author);
				mark(article, reader, 1);
				marked.add(0, article);
			}

			Reply first = list(reader, "?page=1&size=2");
			Reply second = list(reader, "?page=2&size=2");
			Reply third = list(reader, "?page=3&size=2");

			assertThat(ids(first)).containsExactlyElementsOf(marked.subList(0, 2));
			assertThat(ids(second)).containsExactlyElementsOf(marked.subList(2, 4));
			assertThat(ids(third)).containsExactlyElementsOf(marked.subList(4, 5));
			assertThat(first.data().get("hasMore").booleanValue()).isTrue();
			assertThat(second.data().get("hasMore").booleanValue()).isTrue();
			assertThat(third.data().get("hasMore").booleanValue()).isFalse();
			assertThat(third.data().get("page").intValue()).isEqualTo(3);
			assertThat(third.data().get("size").intValue()).isEqualTo(2);
		}

		@Test
		void isEmptyForAUserWhoMarkedNothing() {
			Reply reply = list(newUser(), "");

			assertThat(reply.errCode()).as(reply.body()).isZero();
			assertThat(reply.data().get("list").size()).isZero();
			assertThat(reply.data().get("hasMore").booleanValue()).isFalse();
		}

		@Test
		void refusesASizeOutOfRangeAndAnonymous() {
			for (String query : List.of("?size=0", "?size=51", "?page=0")) {
				Reply reply = list(newUser(), query);
				assertThat(reply.status()).as(reply.body()).isEqualTo(400);
				assertThat(reply.errCode()).isEqualTo(1001);
			}
			Reply anonymous = api.get("/articles/" + MarkIntegrationTest.this.path, null);
			assertThat(anonymous.status()).isEqualTo(401);
			assertThat(anonymous.errDlt()).isEqualTo("token is empty");
		}

		private long newerArticleMarkedByAnother() {
			return write(newUser());
		}

		private Reply list(long user, String query) {
			Reply reply = api.get("/articles/" + MarkIntegrationTest.this.path + query, user);
			assertThat(reply.status()).as(reply.body()).isIn(200, 400);
			return reply;
		}

		private List<Long> ids(Reply reply) {
			assertThat(reply.errCode()).as(reply.body()).isZero();
			List<Long> ids = new ArrayList<>();
			for (JsonNode item : reply.data().get("list")) {
				ids.add(Long.parseLong(item.get("articleID").asString()));
			}
			return ids;
		}

	}

	/** PUT {@code {"status": status}} on the mark as {@code user}. */
	protected Reply mark(long article, long user, int status) {
		return send(article, user, "{\"status\":" + status + "}");
	}

	protected Reply send(Object article, Long user, String body) {
		return this.api.send("PUT", "/articles/" + article + "/" + this.path, ServiceApi.GATEWAY, user, body);
	}

	protected void delete(long author, long article) {
		Reply reply = this.api.send("DELETE", "/articles/" + article, ServiceApi.GATEWAY, author, null);
		assertThat(reply.errCode()).as(reply.body()).isZero();
	}

	protected void assertState(Reply reply, int status, long count) {
		assertThat(reply.errCode()).as(reply.body()).isZero();
		JsonNode data = reply.data();
		assertThat(data.size()).as(reply.body()).isEqualTo(2);
		assertThat(data.get(this.statusField).isInt()).as(reply.body()).isTrue();
		assertThat(data.get(this.statusField).intValue()).as(reply.body()).isEqualTo(status);
		assertThat(data.get(this.countField).longValue()).as(reply.body()).isEqualTo(count);
	}

	protected String statusField() {
		return this.statusField;
	}

	protected String countField() {
		return this.countField;
	}

	protected long rows(long article) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + this.table + " WHERE article_id = ?")
			.param(article)
			.query(Long.class)
			.single();
	}

	protected long rowOf(long article, long user) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + this.table + " WHERE article_id = ? AND user_id = ?")
			.params(article, user)
			.query(Long.class)
			.single();
	}

	protected long counter(long article) {
		return this.jdbc.sql("SELECT " + this.countField + " FROM article WHERE id = ?")
			.param(article)
			.query(Long.class)
			.single();
	}

}
