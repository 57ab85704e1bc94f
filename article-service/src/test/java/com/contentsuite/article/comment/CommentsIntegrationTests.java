package com.contentsuite.article.comment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.contentsuite.article.ArticleServiceIntegrationTest;
import com.contentsuite.common.internal.InternalAuth;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.testsupport.SignedHeaders;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comment trees of docs/api.md section 4 through the three routes, against the real
 * database and Redis: what each call answers and what it leaves stored.
 */
class CommentsIntegrationTests extends ArticleServiceIntegrationTest {

	private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	@Autowired
	private JdbcClient jdbc;

	// --- calls ---

	Reply post(long articleId, Long userId, String json) {
		return this.api.send("POST", "/articles/" + articleId + "/comments", ServiceApi.GATEWAY, userId, json);
	}

	Reply post(long articleId, Long userId, String json, String idempotencyKey) {
		String path = "/articles/" + articleId + "/comments";
		InternalAuth auth = new InternalAuth(this.secret, 60_000, ServiceApi.GATEWAY, Clock.systemUTC());
		Map<String, String> headers = new LinkedHashMap<>(SignedHeaders.asGateway(auth, "POST", path, userId));
		headers.put("Idempotency-Key", idempotencyKey);
		return this.api.sendWithHeaders("POST", path, headers, json);
	}

	Reply comment(long articleId, long userId, String content) {
		return post(articleId, userId, "{\"content\":" + ServiceApi.quote(content) + "}");
	}

	Reply reply(long articleId, long userId, String content, long parentId) {
		return post(articleId, userId,
				"{\"content\":" + ServiceApi.quote(content) + ",\"parentID\":\"" + parentId + "\"}");
	}

	/** Writes a top-level comment and answers its ID. */
	long commented(long articleId, long userId, String content) {
		return idOf(ok(comment(articleId, userId, content)));
	}

	long replied(long articleId, long userId, String content, long parentId) {
		return idOf(ok(reply(articleId, userId, content, parentId)));
	}

	Reply page(long articleId, String query) {
		return this.api.get("/articles/" + articleId + "/comments" + query, null);
	}

	Reply page(long articleId) {
		return page(articleId, "");
	}

	Reply delete(long articleId, long commentId, Long userId) {
		return this.api.send("DELETE", "/articles/" + articleId + "/comments/" + commentId, ServiceApi.GATEWAY, userId,
				null);
	}

	void deleteArticle(long articleId, long author) {
		ok(this.api.send("DELETE", "/articles/" + articleId, ServiceApi.GATEWAY, author, null));
	}

	// --- answers ---

	static Reply ok(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.errCode()).as(reply.body()).isZero();
		return reply;
	}

	static void refused(Reply reply, int status, int errCode) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.errCode()).as(reply.body()).isEqualTo(errCode);
		assertThat(reply.json().has("data")).as(reply.body()).isFalse();
	}

	static long idOf(Reply reply) {
		return Long.parseLong(reply.data().get("commentID").stringValue());
	}

	/**
	 * The page's trees by content: {@code "b(b1,b2(b21)) a"}, top-level in page order.
	 */
	static String trees(Reply reply) {
		return trees(reply.data());
	}

	static String trees(JsonNode data) {
		List<String> tops = new ArrayList<>();
		for (JsonNode top : data.get("list")) {
			tops.add(tree(top));
		}
		return String.join(" ", tops);
	}

	static String tree(JsonNode comment) {
		String label = comment.get("deleted").booleanValue() ? "<deleted>" : comment.get("content").stringValue();
		JsonNode children = comment.get("children");
		if (children.isEmpty()) {
			return label;
		}
		List<String> labels = new ArrayList<>();
		for (JsonNode child : children) {
			labels.add(tree(child));
		}
		return label + "(" + String.join(",", labels) + ")";
	}

	/** The comment with this ID anywhere in the page's trees. */
	static JsonNode find(Reply reply, long commentId) {
		for (JsonNode top : reply.data().get("list")) {
			JsonNode found = find(top, Long.toString(commentId));
			if (found != null) {
				return found;
			}
		}
		throw new AssertionError("comment " + commentId + " not in " + reply.body());
	}

	private static JsonNode find(JsonNode comment, String commentId) {
		if (comment.get("commentID").stringValue().equals(commentId)) {
			return comment;
		}
		for (JsonNode child : comment.get("children")) {
			JsonNode found = find(child, commentId);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	static void assertAuthor(JsonNode comment, long userId) {
		JsonNode author = comment.get("author");
		assertThat(author.get("userID").stringValue()).isEqualTo(Long.toString(userId));
		assertThat(author.get("username").stringValue()).isEqualTo("u" + userId);
		assertThat(author.get("nickname").stringValue()).isEqualTo("nick" + userId);
		assertThat(author.get("avatarUrl").stringValue()).isEqualTo("http://files.example/avatars/" + userId + ".png");
	}

	static String supplementary(int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.appendCodePoint(0x1F600 + (i % 64));
		}
		return text.toString();
	}

	// --- state ---

	/** The article's {@code comments} as GET /articles/{id} answers it. */
	long commentsOf(long articleId) {
		return ok(this.api.get("/articles/" + articleId, null)).data().get("comments").longValue();
	}

	long rows(long articleId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM article_comment WHERE article_id = ?")
			.param(articleId)
			.query(Long.class)
			.single();
	}

	long liveRows(long articleId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM article_comment WHERE article_id = ? AND deleted = FALSE")
			.param(articleId)
			.query(Long.class)
			.single();
	}

	Row row(long commentId) {
		return this.jdbc
			.sql("SELECT article_id, root_id, parent_id, depth, author_id, content, deleted, shown"
					+ " FROM article_comment WHERE id = ?")
			.param(commentId)
			.query((rs, n) -> new Row(rs.getLong("article_id"), rs.getLong("root_id"), rs.getLong("parent_id"),
					rs.getInt("depth"), rs.getLong("author_id"), rs.getString("content"), rs.getBoolean("deleted"),
					rs.getBoolean("shown")))
			.single();
	}

	/**
	 * The article's counter is the number of comments not deleted, in the API and stored.
	 */
	void assertCounted(long articleId, long expected) {
		assertThat(liveRows(articleId)).isEqualTo(expected);
		assertThat(commentsOf(articleId)).isEqualTo(expected);
	}

	record Row(long articleId, long rootId, long parentId, int depth, long authorId, String content, boolean deleted,
			boolean shown) {
	}

	@Nested
	class Post {

		@Test
		void writesATopLevelCommentAndAnswersIt() {
			long article = write(newUser());
			long alice = newUser();
			Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

			Reply reply = ok(comment(article, alice, "First!"));

			Instant after = Instant.now();
			JsonNode data = reply.data();
			assertThat(data.get("commentID").stringValue()).matches("[1-9][0-9]*");
			assertThat(data.get("content").stringValue()).isEqualTo("First!");
			assertThat(data.get("deleted").booleanValue()).isFalse();
			assertAuthor(data, alice);
			String createTime = data.get("createTime").stringValue();
			assertThat(createTime).matches(ISO_MILLIS);
			assertThat(Instant.parse(createTime)).isBetween(before, after);
			assertThat(data.get("children").isArray()).isTrue();
			assertThat(data.get("children").isEmpty()).isTrue();
			Row row = row(idOf(reply));
			assertThat(row).isEqualTo(new Row(article, 0, 0, 1, alice, "First!", false, true));
			assertCounted(article, 1);
			JsonNode listed = find(ok(page(article)), idOf(reply));
			assertThat(listed.get("createTime").stringValue()).isEqualTo(createTime);
			assertThat(listed.get("content").stringValue()).isEqualTo("First!");
		}

		@ParameterizedTest
		@ValueSource(strings = { "", ",\"parentID\":\"0\"", ",\"parentID\":0", ",\"parentID\":null" })
		void withoutAParentOrWithParentZeroIsTopLevel(String parent) {
			long article = write(newUser());
			long alice = newUser();

			Reply reply = ok(post(article, alice, "{\"content\":\"top\"" + parent + "}"));

			Row row = row(idOf(reply));
			assertThat(row.parentId()).isZero();
			assertThat(row.rootId()).isZero();
			assertThat(row.depth()).isEqualTo(1);
			assertThat(trees(ok(page(article)))).isEqualTo("top");
		}

		@Test
		void aReplyNamesItsParentAsStringOrNumberAndNestsUnderIt() {
			long article = write(newUser());
			long top = commented(article, newUser(), "top");
			long bob = newUser();

			long first = idOf(ok(post(article, bob, "{\"content\":\"first\",\"parentID\":\"" + top + "\"}")));
			long second = idOf(ok(post(article, bob, "{\"content\":\"second\",\"parentID\":" + first + "}")));

			assertThat(row(first)).isEqualTo(new Row(article, top, top, 2, bob, "first", false, true));
			assertThat(row(second)).isEqualTo(new Row(article, top, first, 3, bob, "second", false, true));
			assertThat(trees(ok(page(article)))).isEqualTo("top(first(second))");
			assertCounted(article, 3);
		}

		@Test
		void aReplyIsAnsweredWithoutChildrenLikeAnyNewComment() {
			long article = write(newUser());
			long top = commented(article, newUser(), "top");
			long bob = newUser();

			JsonNode data = ok(reply(article, bob, "re", top)).data();

			assertThat(data.get("content").stringValue()).isEqualTo("re");
			assertThat(data.get("deleted").booleanValue()).isFalse();
			assertThat(data.get("children").isEmpty()).isTrue();
			assertAuthor(data, bob);
		}

		@Test
		void takes2000SupplementaryCharactersAndStoresThemUnaltered() {
			long article = write(newUser());
			String content = supplementary(2000);
			assertThat(content.length()).isEqualTo(4000);

			Reply reply = ok(comment(article, newUser(), content));

			assertThat(reply.data().get("content").stringValue()).isEqualTo(content);
			assertThat(row(idOf(reply)).content()).isEqualTo(content);
			assertThat(find(ok(page(article)), idOf(reply)).get("content").stringValue()).isEqualTo(content);
		}

		@Test
		void takes2000PlainCharacters() {
			long article = write(newUser());
			String content = "x".repeat(2000);

			Reply reply = ok(comment(article, newUser(), content));

			assertThat(row(idOf(reply)).content()).isEqualTo(content);
		}

		@Test
		void storesMarkupAndSpacingAsGiven() {
			long article = write(newUser());
			String content = "  <script>alert(1)</script> **bold** \"quoted\" \\ tab\tnew\nline  ";

			Reply reply = ok(comment(article, newUser(), content));

			assertThat(reply.data().get("content").stringValue()).isEqualTo(content);
			assertThat(row(idOf(reply)).content()).isEqualTo(content);
			assertThat(find(ok(page(article)), idOf(reply)).get("content").stringValue()).isEqualTo(content);
		}

		@ParameterizedTest
		@ValueSource(ints = { 2001, 2002, 5000 })
		void refusesMoreThan2000SupplementaryCharacters(int length) {
			long article = write(newUser());

			Reply reply = comment(article, newUser(), supplementary(length));

			refused(reply, 400, 1001);
			assertThat(reply.errDlt()).contains("content");
			assertThat(rows(article)).isZero();
			assertCounted(article, 0);
		}

		@Test
		void refuses2001PlainCharacters() {
			long article = write(newUser());

			refused(comment(article, newUser(), "x".repeat(2001)), 400, 1001);

			assertThat(rows(article)).isZero();
		}

		@ParameterizedTest
		@ValueSource(strings = { "", " ", "   \t\n", "\u3000" })
		void refusesBlankContent(String content) {
			long article = write(newUser());

			Reply reply = comment(article, newUser(), content);

			refused(reply, 400, 1001);
			assertThat(reply.errDlt()).contains("content");
			assertThat(rows(article)).isZero();
		}

		@ParameterizedTest
		@ValueSource(strings = { "{}", "{\"content\":null}", "{\"parentID\":\"0\"}" })
		void refusesMissingContent(String json) {
			long article = write(newUser());

			Reply reply = post(article, newUser(), json);

			refused(reply, 400, 1001);
			assertThat(reply.errDlt()).contains("content");
			assertThat(rows(article)).isZero();
		}

		@ParameterizedTest
		@ValueSource(strings = { "{\"content\":\"a\\ud800b\"}", "{\"content\":\"a\\u0000b\"}", "{\"content\":12}",
				"{\"content\":true}", "{\"content\":\"hi\"", "not json" })
		void refusesInvalidJsonAndText(String json) {
			long article = write(newUser());

			refused(post(article, newUser(), json), 400, 1001);

			assertThat(rows(article)).isZero();
		}

		@ParameterizedTest
		@ValueSource(strings = { "\"abc\"", "\"-1\"", "-1", "1.5", "true", "{}", "\"\"", "\"1 \"" })
		void refusesAParentIDThatIsNoIdentifier(String parentId) {
			long article = write(newUser());

			Reply reply = post(article, newUser(), "{\"content\":\"hi\",\"parentID\":" + parentId + "}");

			refused(reply, 400, 1001);
			assertThat(reply.errDlt()).contains("parentID");
			assertThat(rows(article)).isZero();
		}

		@Test
		void aParentOfAnotherArticleIsNotFound() {
			long article = write(newUser());
			long other = write(newUser());
			long elsewhere = commented(other, newUser(), "elsewhere");

			Reply reply = reply(article, newUser(), "misplaced", elsewhere);

			refused(reply, 404, 1004);
			assertThat(rows(article)).isZero();
			assertThat(rows(other)).isEqualTo(1);
			assertCounted(article, 0);
			assertCounted(other, 1);
		}

		@Test
		void anUnknownParentIsNotFound() {
			long article = write(newUser());
			long top = commented(article, newUser(), "top");

			refused(reply(article, newUser(), "orphan", top + 1_000_000), 404, 1004);

			assertThat(rows(article)).isEqualTo(1);
		}

		@Test
		void aDeletedParentIsNotFound() {
			long article = write(newUser());
			long alice = newUser();
			long top = commented(article, alice, "top");
			replied(article, newUser(), "keeps it in the tree", top);
			ok(delete(article, top, alice));

			refused(reply(article, newUser(), "too late", top), 404, 1004);

			assertThat(rows(article)).isEqualTo(2);
			assertThat(trees(ok(page(article)))).isEqualTo("<deleted>(keeps it in the tree)");
		}

		@Test
		void repliesNestEightLevelsDeepAndTheNinthIsRefused() {
			long article = write(newUser());
			long[] writers = { newUser(), newUser() };
			long parent = commented(article, writers[0], "level1");
			for (int level = 2; level <= 8; level++) {
				parent = replied(article, writers[level % 2], "level" + level, parent);
				assertThat(row(parent).depth()).isEqualTo(level);
			}

			Reply ninth = reply(article, writers[1], "level9", parent);

			refused(ninth, 400, 1001);
			assertThat(ninth.errDlt()).contains("8");
			assertThat(rows(article)).isEqualTo(8);
			assertCounted(article, 8);
			assertThat(trees(ok(page(article))))
				.isEqualTo("level1(level2(level3(level4(level5(level6(level7(level8)))))))");
			// a sibling at the deepest level is still fine
			long sibling = replied(article, writers[0], "level8b", row(parent).parentId());
			assertThat(row(sibling).depth()).isEqualTo(8);
		}

		@Test
		void onAnUnknownArticleIsNotFound() {
			long missing = write(newUser()) + 1_000_000;

			refused(comment(missing, newUser(), "hello?"), 404, 1004);

			assertThat(rows(missing)).isZero();
		}

		@Test
		void onADeletedArticleIsNotFound() {
			long author = newUser();
			long article = write(author);
			long top = commented(article, newUser(), "before");
			deleteArticle(article, author);

			refused(comment(article, newUser(), "after"), 404, 1004);
			refused(reply(article, newUser(), "after", top), 404, 1004);

			assertThat(rows(article)).isEqualTo(1);
		}

		@Test
		void needsAUser() {
			long article = write(newUser());

			Reply reply = post(article, null, "{\"content\":\"anonymous\"}");

			refused(reply, 401, 1001);
			assertThat(reply.errDlt()).isEqualTo("token is empty");
			assertThat(rows(article)).isZero();
		}

		@Test
		void anArticleIDThatIsNoIdentifierIsAnArgsError() {
			Reply reply = CommentsIntegrationTests.this.api.send("POST", "/articles/abc/comments", ServiceApi.GATEWAY,
					newUser(), "{\"content\":\"hi\"}");

			refused(reply, 400, 1001);
		}

		@Test
		void isRefusedToSomeoneTheArticleAuthorBlacklisted() {
			long author = newUser();
			long article = write(author);
			long troll = newUser();
			USERS.blacklist(author, troll);

			Reply reply = comment(article, troll, "hello");

			refused(reply, 403, 1302);
			assertThat(rows(article)).isZero();
			assertCounted(article, 0);
		}

		@Test
		void aReplyIsRefusedToSomeoneTheArticleAuthorBlacklisted() {
			long author = newUser();
			long article = write(author);
			long top = commented(article, newUser(), "top");
			long troll = newUser();
			USERS.blacklist(author, troll);

			refused(reply(article, troll, "re", top), 403, 1302);

			assertThat(rows(article)).isEqualTo(1);
			assertCounted(article, 1);
		}

		@Test
		void aReplyIsRefusedToSomeoneTheParentsAuthorBlacklisted() {
			long article = write(newUser());
			long alice = newUser();
			long top = commented(article, alice, "top");
			long troll = newUser();
			USERS.blacklist(alice, troll);

			refused(reply(article, troll, "re", top), 403, 1302);

			assertThat(rows(article)).isEqualTo(1);
			assertCounted(article, 1);
			// the article itself stays open to them
			ok(comment(article, troll, "my own thread"));
		}

		@Test
		void aBlacklistOfSomeoneElseDoesNotMatter() {
			long author = newUser();
			long article = write(author);
			long alice = newUser();
			long top = commented(article, alice, "top");
			long bob = newUser();
			USERS.blacklist(newUser(), bob);
			USERS.blacklist(bob, alice);

			ok(reply(article, bob, "re", top));

			assertCounted(article, 2);
		}

		@Test
		void whileUserServiceIsDownIsUnavailableAndStoresNothing() {
			long article = write(newUser());
			long top = commented(article, newUser(), "top");
			long bob = newUser();
			USERS.down();

			Reply comment = comment(article, bob, "hello");
			Reply reply = reply(article, bob, "re", top);

			USERS.up();
			refused(comment, 503, 1006);
			refused(reply, 503, 1006);
			assertThat(rows(article)).isEqualTo(1);
			assertCounted(article, 1);
			ok(comment(article, bob, "hello again"));
			assertCounted(article, 2);
		}

		@Test
		void whileUserServiceIsDownTheArticleAuthorStillCommentsOnTheirOwnArticle() {
			// Nobody's blacklist applies to one's own article: there is nothing to ask
			// user-service, and the answer embeds the author with empty names
			// (docs/api.md 1).
			long author = newUser();
			long article = write(author);
			USERS.down();

			Reply reply = comment(article, author, "my own");

			USERS.up();
			ok(reply);
			assertThat(reply.data().get("author").get("userID").stringValue()).isEqualTo(Long.toString(author));
			assertThat(reply.data().get("author").get("nickname").stringValue()).isEmpty();
			assertCounted(article, 1);
		}

		@Nested
		class WithAnIdempotencyKey {

			@Test
			void aRepeatAnswersTheFirstAnswerAndCreatesOneComment() {
				long article = write(newUser());
				long alice = newUser();

				Reply first = ok(post(article, alice, "{\"content\":\"once\"}", "key-1"));
				Reply repeat = post(article, alice, "{\"content\":\"once\"}", "key-1");

				assertThat(first.header("Idempotent-Replayed")).isNull();
				assertThat(repeat.status()).isEqualTo(200);
				assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
				assertThat(repeat.body()).isEqualTo(first.body());
				assertThat(rows(article)).isEqualTo(1);
				assertCounted(article, 1);
				assertThat(trees(ok(page(article)))).isEqualTo("once");
			}

			@Test
			void concurrentRepeatsCreateOneCommentAndAllAnswerIt() {
				long article = write(newUser());
				long alice = newUser();
				ExecutorService pool = Executors.newFixedThreadPool(4);
				List<Reply> answers;
				try {
					List<CompletableFuture<Reply>> calls = new ArrayList<>();
					for (int i = 0; i < 4; i++) {
						calls.add(CompletableFuture
							.supplyAsync(() -> post(article, alice, "{\"content\":\"tap\"}", "race-1"), pool));
					}
					answers = calls.stream().map(CompletableFuture::join).toList();
				}
				finally {
					pool.shutdownNow();
				}

				assertThat(answers).allSatisfy((answer) -> ok(answer));
				assertThat(answers.stream().map(Reply::body).distinct()).hasSize(1);
				assertThat(rows(article)).isEqualTo(1);
				assertCounted(article, 1);
			}

			@Test
			void theSameKeyWithAnotherBodyIsADuplicateKey() {
				long article = write(newUser());
				long alice = newUser();
				ok(post(article, alice, "{\"content\":\"once\"}", "key-2"));

				Reply other = post(article, alice, "{\"content\":\"twice\"}", "key-2");

				refused(other, 409, 1003);
				assertThat(rows(article)).isEqualTo(1);
				assertThat(trees(ok(page(article)))).isEqualTo("once");
			}

			@Test
			void theSameKeyOfAnotherUserIsTheirOwn() {
				long article = write(newUser());
				long alice = newUser();
				long bob = newUser();
				Reply first = ok(post(article, alice, "{\"content\":\"same\"}", "key-3"));

				Reply second = ok(post(article, bob, "{\"content\":\"same\"}", "key-3"));

				assertThat(second.header("Idempotent-Replayed")).isNull();
				assertThat(idOf(second)).isNotEqualTo(idOf(first));
				assertAuthor(second.data(), bob);
				assertThat(rows(article)).isEqualTo(2);
				assertCounted(article, 2);
			}

			@Test
			void theSameKeyOnAnotherArticleIsAnotherRequest() {
				long article = write(newUser());
				long other = write(newUser());
				long alice = newUser();
				ok(post(article, alice, "{\"content\":\"same\"}", "key-4"));

				Reply second = ok(post(other, alice, "{\"content\":\"same\"}", "key-4"));

				assertThat(second.header("Idempotent-Replayed")).isNull();
				assertThat(rows(article)).isEqualTo(1);
				assertThat(rows(other)).isEqualTo(1);
			}

			@Test
			void aRefusalIsReplayedToo() {
				long author = newUser();
				long article = write(author);
				long troll = newUser();
				USERS.blacklist(author, troll);
				refused(post(article, troll, "{\"content\":\"hi\"}", "key-5"), 403, 1302);
				USERS.unblacklist(author, troll);

				Reply repeat = post(article, troll, "{\"content\":\"hi\"}", "key-5");

				refused(repeat, 403, 1302);
				assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
				assertThat(rows(article)).isZero();
			}

			@Test
			void anUnavailableAnswerIsNotKeptSoTheRetrySucceeds() {
				long article = write(newUser());
				long bob = newUser();
				USERS.down();
				Reply failed = post(article, bob, "{\"content\":\"retry me\"}", "key-6");
				USERS.up();
				refused(failed, 503, 1006);

				Reply retry = post(article, bob, "{\"content\":\"retry me\"}", "key-6");

				ok(retry);
				assertThat(retry.header("Idempotent-Replayed")).isNull();
				assertThat(rows(article)).isEqualTo(1);
			}

			@Test
			void anInvalidKeyIsAnArgsError() {
				long article = write(newUser());

				Reply reply = post(article, newUser(), "{\"content\":\"hi\"}", "not valid!");

				refused(reply, 400, 1001);
				assertThat(reply.errDlt()).isEqualTo("Idempotency-Key is invalid");
				assertThat(rows(article)).isZero();
			}

		}

	}

	@Nested
	class Get {

		@Test
		void answersAnEmptyPageForAnArticleWithoutComments() {
			long article = write(newUser());

			JsonNode data = ok(page(article)).data();

			assertThat(data.get("list").isEmpty()).isTrue();
			assertThat(data.get("page").intValue()).isEqualTo(1);
			assertThat(data.get("size").intValue()).isEqualTo(20);
			assertThat(data.get("hasMore").booleanValue()).isFalse();
		}

		@Test
		void answersEachCommentInTheShapeOfTheContract() {
			long article = write(newUser());
			long alice = newUser();
			long bob = newUser();
			Reply written = ok(comment(article, alice, "top"));
			long reply = replied(article, bob, "re", idOf(written));

			Reply page = ok(page(article));

			JsonNode top = page.data().get("list").get(0);
			assertThat(fieldNames(top)).containsExactlyInAnyOrder("commentID", "content", "deleted", "author",
					"createTime", "children");
			assertThat(top.get("commentID").stringValue()).isEqualTo(Long.toString(idOf(written)));
			assertThat(top.get("content").stringValue()).isEqualTo("top");
			assertThat(top.get("deleted").booleanValue()).isFalse();
			assertThat(top.get("createTime").stringValue()).isEqualTo(written.data().get("createTime").stringValue());
			assertAuthor(top, alice);
			JsonNode child = top.get("children").get(0);
			assertThat(fieldNames(child)).containsExactlyInAnyOrder("commentID", "content", "deleted", "author",
					"createTime", "children");
			assertThat(child.get("commentID").stringValue()).isEqualTo(Long.toString(reply));
			assertThat(child.get("createTime").stringValue()).matches(ISO_MILLIS);
			assertAuthor(child, bob);
			assertThat(fieldNames(child.get("author"))).containsExactlyInAnyOrder("userID", "username", "nickname",
					"avatarUrl");
		}

		@Test
		void isReadByAUserAsByAnAnonymousViewer() {
			long article = write(newUser());
			commented(article, newUser(), "visible");

			Reply anonymous = ok(page(article));
			Reply viewer = ok(CommentsIntegrationTests.this.api.get("/articles/" + article + "/comments", newUser()));

			assertThat(trees(viewer)).isEqualTo("visible");
			assertThat(viewer.data()).isEqualTo(anonymous.data());
		}

		@Test
		void pagesTopLevelCommentsNewestFirst() {
			long article = write(newUser());
			for (int i = 1; i <= 5; i++) {
				commented(article, newUser(), "c" + i);
			}

			JsonNode first = ok(page(article, "?page=1&size=2")).data();
			JsonNode second = ok(page(article, "?page=2&size=2")).data();
			JsonNode third = ok(page(article, "?page=3&size=2")).data();
			JsonNode beyond = ok(page(article, "?page=4&size=2")).data();

			assertThat(trees(first)).isEqualTo("c5 c4");
			assertThat(first.get("page").intValue()).isEqualTo(1);
			assertThat(first.get("size").intValue()).isEqualTo(2);
			assertThat(first.get("hasMore").booleanValue()).isTrue();
			assertThat(trees(second)).isEqualTo("c3 c2");
			assertThat(second.get("page").intValue()).isEqualTo(2);
			assertThat(second.get("hasMore").booleanValue()).isTrue();
			assertThat(trees(third)).isEqualTo("c1");
			assertThat(third.get("hasMore").booleanValue()).isFalse();
			assertThat(beyond.get("list").isEmpty()).isTrue();
			assertThat(beyond.get("hasMore").booleanValue()).isFalse();
		}

		@Test
		void aFullLastPageHasNoMore() {
			long article = write(newUser());
			for (int i = 1; i <= 4; i++) {
				commented(article, newUser(), "c" + i);
			}

			JsonNode second = ok(page(article, "?page=2&size=2")).data();

			assertThat(trees(second)).isEqualTo("c2 c1");
			assertThat(second.get("hasMore").booleanValue()).isFalse();
		}

		@Test
		void pagesTwentyByDefault() {
			long article = write(newUser());
			for (int i = 1; i <= 21; i++) {
				commented(article, newUser(), "c" + i);
			}

			JsonNode data = ok(page(article)).data();

			assertThat(data.get("list").size()).isEqualTo(20);
			assertThat(data.get("list").get(0).get("content").stringValue()).isEqualTo("c21");
			assertThat(data.get("list").get(19).get("content").stringValue()).isEqualTo("c2");
			assertThat(data.get("size").intValue()).isEqualTo(20);
			assertThat(data.get("hasMore").booleanValue()).isTrue();
			assertThat(trees(ok(page(article, "?page=2")).data())).isEqualTo("c1");
		}

		@Test
		void repliesAreNestedOldestFirstAndDoNotCountTowardsThePage() {
			long article = write(newUser());
			long[] users = { newUser(), newUser(), newUser() };
			long a = commented(article, users[0], "a");
			long a1 = replied(article, users[1], "a1", a);
			long b = commented(article, users[2], "b");
			long a2 = replied(article, users[0], "a2", a);
			replied(article, users[2], "a11", a1);
			replied(article, users[1], "b1", b);
			replied(article, users[2], "a21", a2);
			replied(article, users[0], "a12", a1);
			replied(article, users[1], "a3", a);

			Reply page = ok(page(article, "?size=1"));
			Reply next = ok(page(article, "?page=2&size=1"));

			assertThat(trees(page)).isEqualTo("b(b1)");
			assertThat(page.data().get("hasMore").booleanValue()).isTrue();
			assertThat(trees(next)).isEqualTo("a(a1(a11,a12),a2(a21),a3)");
			assertThat(next.data().get("hasMore").booleanValue()).isFalse();
			assertThat(trees(ok(page(article)))).isEqualTo("b(b1) a(a1(a11,a12),a2(a21),a3)");
		}

		@Test
		void nestsEightLevelsDeep() {
			long article = write(newUser());
			long[] writers = { newUser(), newUser() };
			long parent = commented(article, writers[0], "1");
			for (int level = 2; level <= 8; level++) {
				parent = replied(article, writers[level % 2], Integer.toString(level), parent);
			}

			Reply page = ok(page(article));

			assertThat(trees(page)).isEqualTo("1(2(3(4(5(6(7(8)))))))");
			assertAuthor(find(page, parent), writers[0]);
			assertThat(find(page, parent).get("children").isEmpty()).isTrue();
		}

		@Test
		void showsOnlyTheArticlesOwnComments() {
			long article = write(newUser());
			long other = write(newUser());
			commented(article, newUser(), "mine");
			long theirs = commented(other, newUser(), "theirs");
			replied(other, newUser(), "theirs too", theirs);

			assertThat(trees(ok(page(article)))).isEqualTo("mine");
			assertThat(trees(ok(page(other)))).isEqualTo("theirs(theirs too)");
		}

		@Test
		void whileUserServiceIsDownAnswersWithEmptyNames() {
			long article = write(newUser());
			long alice = newUser();
			long top = commented(article, alice, "top");
			replied(article, newUser(), "re", top);
			USERS.down();

			Reply page = page(article);

			USERS.up();
			ok(page);
			assertThat(trees(page)).isEqualTo("top(re)");
			JsonNode author = find(page, top).get("author");
			assertThat(author.get("userID").stringValue()).isEqualTo(Long.toString(alice));
			assertThat(author.get("username").stringValue()).isEmpty();
			assertThat(author.get("nickname").stringValue()).isEmpty();
			assertThat(author.get("avatarUrl").stringValue()).isEmpty();
		}

		@Test
		void ofAnUnknownArticleIsNotFound() {
			refused(page(write(newUser()) + 1_000_000), 404, 1004);
		}

		@ParameterizedTest
		@ValueSource(strings = { "abc", "0", "-1", "1.5", "99999999999999999999" })
		void anArticleIDThatIsNoIdentifierIsAnArgsError(String articleId) {
			Reply reply = CommentsIntegrationTests.this.api.get("/articles/" + articleId + "/comments", null);

			refused(reply, 400, 1001);
			assertThat(reply.errDlt()).contains("articleID");
		}

		@Test
		void ofADeletedArticleIsNotFound() {
			long author = newUser();
			long article = write(author);
			commented(article, newUser(), "before");
			deleteArticle(article, author);

			refused(page(article), 404, 1004);
		}

		@ParameterizedTest
		@ValueSource(strings = { "?page=0", "?page=-1", "?page=x", "?size=0", "?size=51", "?size=x", "?size=1.5" })
		void refusesAPageOrSizeOutOfRange(String query) {
			long article = write(newUser());

			Reply reply = page(article, query);

			refused(reply, 400, 1001);
			assertThat(reply.errDlt()).containsAnyOf("page", "size");
		}

		@Test
		void takesTheLargestSize() {
			long article = write(newUser());
			commented(article, newUser(), "only");

			JsonNode data = ok(page(article, "?size=50")).data();

			assertThat(data.get("size").intValue()).isEqualTo(50);
			assertThat(trees(data)).isEqualTo("only");
		}

		private static List<String> fieldNames(JsonNode node) {
			List<String> names = new ArrayList<>();
			node.propertyNames().forEach(names::add);
			return names;
		}

	}

	@Nested
	class Delete {

		@Test
		void theCommentsAuthorDeletesALeafAndItDisappears() {
			long article = write(newUser());
			long alice = newUser();
			long keep = commented(article, newUser(), "keep");
			long gone = commented(article, alice, "gone");

			Reply reply = delete(article, gone, alice);

			ok(reply);
			assertThat(reply.data().isObject()).isTrue();
			assertThat(reply.data().isEmpty()).isTrue();
			assertThat(trees(ok(page(article)))).isEqualTo("keep");
			Row row = row(gone);
			assertThat(row.deleted()).isTrue();
			assertThat(row.shown()).isFalse();
			assertThat(row(keep).deleted()).isFalse();
			assertCounted(article, 1);
		}

		@Test
		void theArticlesAuthorDeletesAnyonesComment() {
			long author = newUser();
			long article = write(author);
			long top = commented(article, newUser(), "top");
			long reply = replied(article, newUser(), "re", top);

			ok(delete(article, reply, author));
			ok(delete(article, top, author));

			assertThat(trees(ok(page(article)))).isEmpty();
			assertCounted(article, 0);
		}

		@Test
		void anyoneElseIsRefusedAndNothingChanges() {
			long article = write(newUser());
			long alice = newUser();
			long top = commented(article, alice, "top");
			long reply = replied(article, newUser(), "re", top);

			refused(delete(article, top, newUser()), 403, 1002);
			// nor may the parent's author delete a reply to it
			refused(delete(article, reply, alice), 403, 1002);

			assertThat(row(top).deleted()).isFalse();
			assertThat(row(reply).deleted()).isFalse();
			assertThat(trees(ok(page(article)))).isEqualTo("top(re)");
			assertCounted(article, 2);
		}

		@Test
		void needsAUser() {
			long article = write(newUser());
			long top = commented(article, newUser(), "top");

			refused(delete(article, top, null), 401, 1001);

			assertThat(row(top).deleted()).isFalse();
		}

		@Test
		void anUnknownCommentIsNotFound() {
			long author = newUser();
			long article = write(author);
			long top = commented(article, newUser(), "top");

			refused(delete(article, top + 1_000_000, author), 404, 1004);

			assertCounted(article, 1);
		}

		@Test
		void aCommentOfAnotherArticleIsNotFoundUnderThisOne() {
			long author = newUser();
			long article = write(author);
			long other = write(newUser());
			long theirs = commented(other, newUser(), "theirs");

			refused(delete(article, theirs, author), 404, 1004);

			assertThat(row(theirs).deleted()).isFalse();
			assertCounted(other, 1);
		}

		@Test
		void anAlreadyDeletedCommentIsNotFoundAndCountedOnce() {
			long article = write(newUser());
			long alice = newUser();
			long top = commented(article, alice, "top");
			replied(article, newUser(), "re", top);
			long leaf = commented(article, alice, "leaf");
			ok(delete(article, top, alice));
			ok(delete(article, leaf, alice));

			refused(delete(article, top, alice), 404, 1004);
			refused(delete(article, leaf, alice), 404, 1004);

			assertCounted(article, 1);
		}

		@Test
		void aCommentWithRepliesStaysBlankedAndDeleted() {
			long article = write(newUser());
			long alice = newUser();
			long bob = newUser();
			long top = commented(article, alice, "secret");
			long reply = replied(article, bob, "re", top);

			ok(delete(article, top, alice));

			Reply page = ok(page(article));
			assertThat(trees(page)).isEqualTo("<deleted>(re)");
			JsonNode deleted = find(page, top);
			assertThat(deleted.get("content").stringValue()).isEmpty();
			assertThat(deleted.get("deleted").booleanValue()).isTrue();
			assertThat(deleted.get("createTime").stringValue()).matches(ISO_MILLIS);
			assertThat(find(page, reply).get("content").stringValue()).isEqualTo("re");
			assertThat(page.body()).doesNotContain("secret");
			Row row = row(top);
			assertThat(row.deleted()).isTrue();
			assertThat(row.shown()).isTrue();
			assertCounted(article, 1);
		}

		@Test
		void aDeletedReplyInTheMiddleStaysWhileItHasReplies() {
			long article = write(newUser());
			long bob = newUser();
			long top = commented(article, newUser(), "top");
			long middle = replied(article, bob, "middle", top);
			replied(article, newUser(), "bottom", middle);

			ok(delete(article, middle, bob));

			assertThat(trees(ok(page(article)))).isEqualTo("top(<deleted>(bottom))");
			assertCounted(article, 2);
		}

		@Test
		void theLastReplyGoneTakesItsDeletedParentAlong() {
			long article = write(newUser());
			long alice = newUser();
			long bob = newUser();
			long top = commented(article, alice, "top");
			long reply = replied(article, bob, "re", top);
			ok(delete(article, top, alice));

			ok(delete(article, reply, bob));

			assertThat(ok(page(article)).data().get("list").isEmpty()).isTrue();
			assertThat(row(top).shown()).isFalse();
			assertThat(row(reply).shown()).isFalse();
			assertCounted(article, 0);
		}

		@Test
		void aDeletedParentStaysWhileAnyReplyIsLeft() {
			long article = write(newUser());
			long alice = newUser();
			long bob = newUser();
			long top = commented(article, alice, "top");
			long first = replied(article, bob, "first", top);
			long second = replied(article, bob, "second", top);
			ok(delete(article, top, alice));

			ok(delete(article, first, bob));

			assertThat(trees(ok(page(article)))).isEqualTo("<deleted>(second)");
			assertThat(row(top).shown()).isTrue();

			ok(delete(article, second, bob));

			assertThat(trees(ok(page(article)))).isEmpty();
			assertThat(row(top).shown()).isFalse();
			assertCounted(article, 0);
		}

		@Test
		void theCascadeClimbsEveryDeletedAncestorAndStopsAtALiveOne() {
			long article = write(newUser());
			long alice = newUser();
			long root = commented(article, alice, "root");
			long a = replied(article, alice, "a", root);
			long b = replied(article, alice, "b", a);
			long c = replied(article, alice, "c", b);
			long sibling = commented(article, newUser(), "sibling");
			ok(delete(article, a, alice));
			ok(delete(article, b, alice));
			assertThat(trees(ok(page(article)))).isEqualTo("sibling root(<deleted>(<deleted>(c)))");

			ok(delete(article, c, alice));

			assertThat(trees(ok(page(article)))).isEqualTo("sibling root");
			assertThat(row(a).shown()).isFalse();
			assertThat(row(b).shown()).isFalse();
			assertThat(row(c).shown()).isFalse();
			assertThat(row(root).shown()).isTrue();
			assertThat(row(sibling).shown()).isTrue();
			assertCounted(article, 2);
		}

		@Test
		void theCascadeClimbsToTheTopAndTheTreeLeavesThePage() {
			long article = write(newUser());
			long alice = newUser();
			long root = commented(article, alice, "root");
			long a = replied(article, alice, "a", root);
			long b = replied(article, alice, "b", a);
			long other = commented(article, newUser(), "other");
			ok(delete(article, root, alice));
			ok(delete(article, a, alice));

			ok(delete(article, b, alice));

			assertThat(trees(ok(page(article)))).isEqualTo("other");
			assertThat(row(root).shown()).isFalse();
			assertThat(row(a).shown()).isFalse();
			assertThat(row(b).shown()).isFalse();
			assertThat(row(other).shown()).isTrue();
			assertCounted(article, 1);
		}

		@Test
		void aTreeThatLeftThePageFreesItsPlace() {
			long article = write(newUser());
			long alice = newUser();
			commented(article, newUser(), "old");
			long top = commented(article, alice, "gone");
			long reply = replied(article, alice, "re", top);
			commented(article, newUser(), "new");
			ok(delete(article, top, alice));
			ok(delete(article, reply, alice));

			JsonNode first = ok(page(article, "?size=2")).data();

			assertThat(trees(first)).isEqualTo("new old");
			assertThat(first.get("hasMore").booleanValue()).isFalse();
		}

		@Test
		void onAnUnknownArticleIsNotFound() {
			long article = write(newUser());
			long alice = newUser();
			long top = commented(article, alice, "top");

			refused(delete(article + 1_000_000, top, alice), 404, 1004);

			assertThat(row(top).deleted()).isFalse();
		}

		@Test
		void onADeletedArticleIsNotFound() {
			long author = newUser();
			long article = write(author);
			long alice = newUser();
			long top = commented(article, alice, "top");
			deleteArticle(article, author);

			refused(delete(article, top, alice), 404, 1004);
			refused(delete(article, top, author), 404, 1004);

			assertThat(row(top).deleted()).isFalse();
		}

		@ParameterizedTest
		@ValueSource(strings = { "abc", "0", "-1", "1.5" })
		void aCommentIDThatIsNoIdentifierIsAnArgsError(String commentId) {
			long author = newUser();
			long article = write(author);

			Reply reply = CommentsIntegrationTests.this.api.send("DELETE",
					"/articles/" + article + "/comments/" + commentId, ServiceApi.GATEWAY, author, null);

			refused(reply, 400, 1001);
			assertThat(reply.errDlt()).contains("commentID");
		}

		@Test
		void someoneTheArticleAuthorBlacklistedStillDeletesTheirOwnComment() {
			long author = newUser();
			long article = write(author);
			long alice = newUser();
			long top = commented(article, alice, "before the quarrel");
			USERS.blacklist(author, alice);

			ok(delete(article, top, alice));

			assertThat(row(top).deleted()).isTrue();
			assertCounted(article, 0);
		}

		@Test
		void needsNoUserService() {
			long article = write(newUser());
			long alice = newUser();
			long top = commented(article, alice, "top");
			USERS.down();

			Reply reply = delete(article, top, alice);

			USERS.up();
			ok(reply);
			assertThat(row(top).deleted()).isTrue();
			assertCounted(article, 0);
		}

		@Test
		void countsOnlyCommentsNotDeleted() {
			long author = newUser();
			long article = write(author);
			long alice = newUser();
			long bob = newUser();
			long a = commented(article, alice, "a");
			long a1 = replied(article, bob, "a1", a);
			replied(article, alice, "a11", a1);
			long b = commented(article, bob, "b");
			commented(article, alice, "c");
			assertCounted(article, 5);

			ok(delete(article, a1, bob));
			assertCounted(article, 4);
			ok(delete(article, b, author));
			assertCounted(article, 3);
			ok(delete(article, a, alice));
			assertCounted(article, 2);
			ok(comment(article, bob, "d"));
			assertCounted(article, 3);

			assertThat(trees(ok(page(article)))).isEqualTo("d c <deleted>(<deleted>(a11))");
		}

	}

}
