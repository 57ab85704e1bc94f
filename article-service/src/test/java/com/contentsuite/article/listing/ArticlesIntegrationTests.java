package com.contentsuite.article.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

/** Writing, reading, editing, deleting and listing articles (docs/api.md section 4). */
class ArticlesIntegrationTests extends ArticleServiceIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private Reply post(Long user, String json) {
		return this.api.send("POST", "/articles", ServiceApi.GATEWAY, user, json);
	}

	private static String body(String title, String content) {
		return "{\"title\":" + ServiceApi.quote(title) + ",\"content\":" + ServiceApi.quote(content) + "}";
	}

	private long rows() {
		return this.jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single();
	}

	private static List<String> ids(Reply page) {
		List<String> ids = new ArrayList<>();
		for (JsonNode item : page.data().get("list")) {
			ids.add(item.get("articleID").asString());
		}
		return ids;
	}

	@Nested
	class Create {

		@Test
		void storesTheContentAsGivenAndAnswersItsId() {
			long author = newUser();
			String content = "# Hi <script>alert(1)</script>\n\n**bold** \uD840\uDC00";
			Reply reply = post(author, body("Title \uD840\uDC00", content));
			assertThat(reply.errCode()).as(reply.body()).isZero();
			String id = reply.data().get("articleID").asString();
			assertThat(id).matches("\\d+");
			JsonNode detail = api.get("/articles/" + id, null).data();
			assertThat(detail.get("content").asString()).isEqualTo(content);
			assertThat(detail.get("title").asString()).isEqualTo("Title \uD840\uDC00");
			assertThat(detail.get("summary").asString()).isEqualTo("Hi alert(1) bold \uD840\uDC00");
			assertThat(detail.get("author").get("userID").asString()).isEqualTo(Long.toString(author));
			assertThat(detail.get("author").get("nickname").asString()).isEqualTo("nick" + author);
			assertThat(detail.get("createTime").asString())
				.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
			assertThat(detail.get("updateTime").asString()).isEqualTo(detail.get("createTime").asString());
		}

		@Test
		void ignoresFieldsTheServerOwns() {
			long author = newUser();
			Reply reply = post(author,
					"{\"title\":\"t\",\"content\":\"c\",\"authorID\":\"1\",\"userID\":\"1\",\"likes\":99,\"hits\":7,"
							+ "\"createTime\":\"2000-01-01T00:00:00.000Z\"}");
			assertThat(reply.errCode()).as(reply.body()).isZero();
			JsonNode detail = api.get("/articles/" + reply.data().get("articleID").asString(), null).data();
			assertThat(detail.get("author").get("userID").asString()).isEqualTo(Long.toString(author));
			assertThat(detail.get("likes").longValue()).isZero();
			assertThat(detail.get("hits").longValue()).isZero();
			assertThat(detail.get("createTime").asString()).doesNotStartWith("2000");
		}

		@Test
		void acceptsTheLongestTitleAndContentInCodePoints() {
			Reply reply = post(newUser(), body("\uD840\uDC00".repeat(100), "\uD840\uDC00".repeat(100_000)));
			assertThat(reply.errCode()).as(reply.errDlt()).isZero();
		}

		@Test
		void refusesBadTitlesAndContentAndStoresNothing() {
			long before = rows();
			long author = newUser();
			for (String json : List.of(body("", "c"), body("   ", "c"), body("x".repeat(101), "c"),
					body("\uD840\uDC00".repeat(101), "c"), body("t", ""), body("t", "x".repeat(100_001)),
					"{\"content\":\"c\"}", "{\"title\":\"t\"}", "{\"title\":5,\"content\":\"c\"}",
					"{\"title\":\"t\",\"content\":\"\\ud800\"}", "{\"title\":", "[]")) {
				Reply reply = post(author, json);
				assertThat(reply.status()).as(json).isEqualTo(400);
				assertThat(reply.errCode()).as(json).isEqualTo(1001);
			}
			assertThat(post(author, body("", "c")).errDlt()).isEqualTo("title must be 1-100 characters");
			assertThat(post(author, body("t", "")).errDlt()).isEqualTo("content must be 1-100000 characters");
			assertThat(rows()).isEqualTo(before);
		}

		@Test
		void needsASignedInUser() {
			Reply reply = post(null, body("t", "c"));
			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.errDlt()).isEqualTo("token is empty");
		}

	}

	@Nested
	class IdempotentCreate {

		@Test
		void aRepeatWithTheSameKeyReplaysTheFirstAnswerAndWritesOneArticle() {
			long author = newUser();
			long before = rows();
			Reply first = api.send("POST", "/articles", author, body("Once", "only"),
					Map.of("Idempotency-Key", "publish-1"));
			Reply again = api.send("POST", "/articles", author, body("Once", "only"),
					Map.of("Idempotency-Key", "publish-1"));
			assertThat(first.errCode()).as(first.body()).isZero();
			assertThat(again.body()).isEqualTo(first.body());
			assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
			assertThat(rows()).isEqualTo(before + 1);
		}

		@Test
		void theSameKeyWithAnotherBodyIs1003() {
			long author = newUser();
			api.send("POST", "/articles", author, body("One", "a"), Map.of("Idempotency-Key", "k-2"));
			long before = rows();
			Reply other = api.send("POST", "/articles", author, body("Two", "b"), Map.of("Idempotency-Key", "k-2"));
			assertThat(other.status()).isEqualTo(409);
			assertThat(other.errCode()).isEqualTo(1003);
			assertThat(rows()).isEqualTo(before);
		}

		@Test
		void keysOfDifferentUsersAreIndependent() {
			Reply first = api.send("POST", "/articles", newUser(), body("Same", "s"), Map.of("Idempotency-Key", "k-3"));
			Reply second = api.send("POST", "/articles", newUser(), body("Same", "s"),
					Map.of("Idempotency-Key", "k-3"));
			assertThat(second.header("Idempotent-Replayed")).isNull();
			assertThat(second.data().get("articleID").asString())
				.isNotEqualTo(first.data().get("articleID").asString());
		}

		@Test
		void aMalformedKeyIs1001() {
			Reply reply = api.send("POST", "/articles", newUser(), body("t", "c"), Map.of("Idempotency-Key", "a b"));
			assertThat(reply.errCode()).isEqualTo(1001);
		}

	}

	@Nested
	class Read {

		@Test
		void anUnknownOrMalformedIdIsRefused() {
			assertThat(api.get("/articles/999999999", null).errCode()).isEqualTo(1004);
			assertThat(api.get("/articles/999999999", null).status()).isEqualTo(404);
			assertThat(api.get("/articles/abc", null).errCode()).isEqualTo(1001);
		}

		@Test
		void authorNamesAreEmptyWhenUserServiceIsDown() {
			long author = newUser();
			long id = write(author);
			USERS.down();
			Reply reply = api.get("/articles/" + id, null);
			assertThat(reply.errCode()).as(reply.body()).isZero();
			JsonNode brief = reply.data().get("author");
			assertThat(brief.get("userID").asString()).isEqualTo(Long.toString(author));
			assertThat(brief.get("username").asString()).isEmpty();
			assertThat(brief.get("nickname").asString()).isEmpty();
			assertThat(brief.get("avatarUrl").asString()).isEmpty();
		}

	}

	@Nested
	class Edit {

		@Test
		void changesOnlyWhatIsGivenAndRecomputesTheSummary() {
			long author = newUser();
			long id = write(author, "Old title", "old *text*");
			Reply reply = api.put("/articles/" + id, author, "{\"content\":\"new **text**\"}");
			assertThat(reply.errCode()).as(reply.body()).isZero();
			assertThat(reply.data().get("title").asString()).isEqualTo("Old title");
			assertThat(reply.data().get("content").asString()).isEqualTo("new **text**");
			assertThat(reply.data().get("summary").asString()).isEqualTo("new text");
			Reply retitled = api.put("/articles/" + id, author, "{\"title\":\"New title\"}");
			assertThat(retitled.data().get("title").asString()).isEqualTo("New title");
			assertThat(retitled.data().get("content").asString()).isEqualTo("new **text**");
		}

		@Test
		void onlyTheOwnerMayEdit() {
			long id = write(newUser(), "Mine", "mine");
			Reply reply = api.put("/articles/" + id, newUser(), "{\"title\":\"Theirs\"}");
			assertThat(reply.status()).isEqualTo(403);
			assertThat(reply.errCode()).isEqualTo(1002);
			assertThat(api.get("/articles/" + id, null).data().get("title").asString()).isEqualTo("Mine");
		}

		@ParameterizedTest
		@ValueSource(strings = { "{}", "{\"title\":\"\"}", "{\"content\":\"\"}", "{\"title\":7}" })
		void badChangesAre1001AndChangeNothing(String json) {
			long author = newUser();
			long id = write(author, "Kept", "kept");
			assertThat(api.put("/articles/" + id, author, json).errCode()).isEqualTo(1001);
			JsonNode detail = api.get("/articles/" + id, null).data();
			assertThat(detail.get("title").asString()).isEqualTo("Kept");
			assertThat(detail.get("content").asString()).isEqualTo("kept");
		}

		@Test
		void aDeletedArticleIs1004() {
			long author = newUser();
			long id = write(author);
			api.send("DELETE", "/articles/" + id, ServiceApi.GATEWAY, author, null);
			assertThat(api.put("/articles/" + id, author, "{\"title\":\"x\"}").errCode()).isEqualTo(1004);
		}

	}

	@Nested
	class Delete {

		@Test
		void softDeletesAndTheArticleIsGoneEverywhere() {
			long author = newUser();
			long id = write(author);
			Reply reply = api.send("DELETE", "/articles/" + id, ServiceApi.GATEWAY, author, null);
			assertThat(reply.errCode()).as(reply.body()).isZero();
			assertThat(api.get("/articles/" + id, null).errCode()).isEqualTo(1004);
			assertThat(ids(api.get("/articles/new?size=50", null))).doesNotContain(Long.toString(id));
			assertThat(ids(api.get("/articles/users/" + author, null))).isEmpty();
			assertThat(ids(api.get("/articles/mine", author))).isEmpty();
			assertThat(jdbc.sql("SELECT deleted FROM article WHERE id = ?").param(id).query(Boolean.class).single())
				.isTrue();
			assertThat(api.send("DELETE", "/articles/" + id, ServiceApi.GATEWAY, author, null).errCode())
				.isEqualTo(1004);
		}

		@Test
		void onlyTheOwnerMayDelete() {
			long id = write(newUser());
			Reply reply = api.send("DELETE", "/articles/" + id, ServiceApi.GATEWAY, newUser(), null);
			assertThat(reply.errCode()).isEqualTo(1002);
			assertThat(api.get("/articles/" + id, null).errCode()).isZero();
		}

	}

	@Nested
	class Lists {

		@Test
		void newestFirstWithPaging() {
			long author = newUser();
			List<String> written = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				written.add(0, Long.toString(write(author, "t" + i, "c" + i)));
			}
			Reply first = api.get("/articles/users/" + author + "?page=1&size=2", null);
			assertThat(ids(first)).containsExactly(written.get(0), written.get(1));
			assertThat(first.data().get("hasMore").booleanValue()).isTrue();
			assertThat(first.data().get("page").intValue()).isEqualTo(1);
			assertThat(first.data().get("size").intValue()).isEqualTo(2);
			Reply last = api.get("/articles/users/" + author + "?page=3&size=2", null);
			assertThat(ids(last)).containsExactly(written.get(4));
			assertThat(last.data().get("hasMore").booleanValue()).isFalse();
			assertThat(ids(api.get("/articles/mine?size=50", author))).isEqualTo(written);
			assertThat(ids(api.get("/articles/new?size=5", null))).isEqualTo(written);
		}

		@Test
		void itemsCarryTheListShapeWithoutContent() {
			long author = newUser();
			long id = write(author, "Listed", "**body**");
			JsonNode item = api.get("/articles/users/" + author, null).data().get("list").get(0);
			assertThat(item.get("articleID").asString()).isEqualTo(Long.toString(id));
			assertThat(item.has("content")).isFalse();
			assertThat(item.get("summary").asString()).isEqualTo("body");
			for (String field : List.of("title", "hits", "likes", "likeStatus", "collects", "collectStatus", "comments",
					"author", "createTime", "updateTime")) {
				assertThat(item.has(field)).as(field).isTrue();
			}
			assertThat(item.get("author").get("username").asString()).isEqualTo("u" + author);
		}

		@ParameterizedTest
		@ValueSource(strings = { "page=0", "page=-1", "size=0", "size=51", "page=x", "size=1.5" })
		void pagingOutOfRangeIs1001(String query) {
			for (String list : List.of("new", "hot", "users/1")) {
				Reply reply = api.get("/articles/" + list + "?" + query, null);
				assertThat(reply.errCode()).as(list + "?" + query).isEqualTo(1001);
			}
			assertThat(api.get("/articles/mine?" + query, newUser()).errCode()).isEqualTo(1001);
		}

		@Test
		void ownListsNeedASignedInUser() {
			for (String list : List.of("mine", "likes", "collections")) {
				Reply reply = api.get("/articles/" + list, null);
				assertThat(reply.status()).as(list).isEqualTo(401);
				assertThat(reply.errDlt()).isEqualTo("token is empty");
			}
		}

		@Test
		void aListStillAnswersWithEmptyNamesWhenUserServiceIsDown() {
			long author = newUser();
			write(author);
			USERS.down();
			Reply reply = api.get("/articles/users/" + author, null);
			assertThat(reply.errCode()).as(reply.body()).isZero();
			assertThat(reply.data().get("list").get(0).get("author").get("nickname").asString()).isEmpty();
		}

	}

}
