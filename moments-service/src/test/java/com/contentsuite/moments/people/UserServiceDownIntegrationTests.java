package com.contentsuite.moments.people;

import com.contentsuite.moments.MomentsServiceIntegrationTest;
import com.contentsuite.testsupport.ServiceApi.Reply;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * user-service down (every call answers 503). What needs a relation cannot be decided and
 * is {@code 503 1006}: someone else's post on {@code get}, {@code like}, {@code likes}
 * and {@code comment/add}, the feed, and {@code user} of someone else. One's own posts
 * need no call: they still work, their brief users with {@code ""} names (docs/api.md
 * section 1).
 */
class UserServiceDownIntegrationTests extends MomentsServiceIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	/**
	 * Up again, and the breakers the failures may have opened closed, so that the next
	 * test in this context calls user-service at once.
	 */
	@AfterEach
	void userServiceUp() {
		USERS.up();
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@Test
	void someoneElsesPostIs1006OnEveryRouteAndNothingIsStored() {
		long author = newUser();
		long post = publish(author);
		long viewer = newUser();
		USERS.down();

		String id = "{\"postID\":\"" + post + "\"";
		unavailable(post("get", viewer, id + "}"));
		unavailable(post("like", viewer, id + "}"));
		unavailable(post("like", viewer, id + ",\"cancel\":true}"));
		unavailable(post("likes", viewer, id + "}"));
		unavailable(post("comment/add", viewer, id + ",\"content\":\"hi\"}"));

		assertThat(count("SELECT COUNT(*) FROM moment_like WHERE post_id = ?", post)).isZero();
		assertThat(count("SELECT COUNT(*) FROM moment_comment WHERE post_id = ?", post)).isZero();
		assertThat(count("SELECT like_count + comment_count FROM moment_post WHERE id = ?", post)).isZero();
	}

	@Test
	void everyVisibilityOfSomeoneElsesPostIs1006EvenAFollowersOne() {
		long author = newUser();
		long follower = newUser();
		USERS.follow(follower, author);
		long forFollowers = publish(author, 1);
		USERS.down();

		unavailable(post("get", follower, "{\"postID\":\"" + forFollowers + "\"}"));
		unavailable(post("like", follower, "{\"postID\":\"" + forFollowers + "\"}"));
	}

	@Test
	void theFeedIs1006() {
		long viewer = newUser();
		publish(viewer);
		USERS.down();

		unavailable(post("feed", viewer, "{}"));
		unavailable(post("feed", viewer, "{\"pagination\":{\"pageNumber\":1,\"showNumber\":20}}"));
	}

	@Test
	void theUserListOfSomeoneElseIs1006() {
		long author = newUser();
		publish(author);
		long viewer = newUser();
		USERS.down();

		unavailable(post("user", viewer, "{\"userID\":\"" + author + "\"}"));
	}

	@Test
	void ownPostsWorkWithEmptyNames() {
		long author = newUser();
		long post = publish(author);
		USERS.down();

		JsonNode liked = ok("like", author, "{\"postID\":\"" + post + "\"}");
		assertThat(liked.get("likeCount").asLong()).isEqualTo(1);
		long comment = comment(post, author, "still here");

		JsonNode seen = get(post, author);
		assertThat(seen.get("postID").asString()).isEqualTo(Long.toString(post));
		assertThat(seen.get("likeCount").asLong()).isEqualTo(1);
		assertThat(seen.get("liked").asBoolean()).isTrue();
		assertThat(seen.get("commentCount").asLong()).isEqualTo(1);
		assertEmptyNames(seen.get("author"), author);
		JsonNode embedded = seen.get("comments").get(0);
		assertThat(embedded.get("commentID").asString()).isEqualTo(Long.toString(comment));
		assertEmptyNames(embedded.get("author"), author);

		JsonNode own = ok("user", author, "{\"userID\":\"" + author + "\"}");
		assertThat(own.get("list")).hasSize(1);
		assertEmptyNames(own.get("list").get(0).get("author"), author);

		JsonNode likers = ok("likes", author, "{\"postID\":\"" + post + "\"}");
		assertThat(likers.get("list")).hasSize(1);
		assertEmptyNames(likers.get("list").get(0), author);

		assertThat(ok("like", author, "{\"postID\":\"" + post + "\",\"cancel\":true}").get("likeCount").asLong())
			.isZero();
		ok("comment/del", author, "{\"commentID\":\"" + comment + "\"}");
		ok("delete", author, "{\"postID\":\"" + post + "\"}");
		assertThat(post("get", author, "{\"postID\":\"" + post + "\"}").status()).isEqualTo(404);
	}

	@Test
	void othersOnOnesOwnPostShowWithEmptyNames() {
		long author = newUser();
		long post = publish(author);
		long alice = newUser();
		comment(post, alice, "before the outage");
		ok("like", alice, "{\"postID\":\"" + post + "\"}");
		USERS.down();

		JsonNode seen = get(post, author);

		assertEmptyNames(seen.get("author"), author);
		assertEmptyNames(seen.get("comments").get(0).get("author"), alice);
		assertEmptyNames(ok("likes", author, "{\"postID\":\"" + post + "\"}").get("list").get(0), alice);
		// Deleting a comment of someone else on one's own post needs no call either.
		long commentId = Long.parseLong(seen.get("comments").get(0).get("commentID").asString());
		ok("comment/del", author, "{\"commentID\":\"" + commentId + "\"}");
		assertThat(get(post, author).get("commentCount").asLong()).isZero();
	}

	@Test
	void upAgainEverythingAnswersWithNames() {
		long author = newUser();
		long post = publish(author);
		long viewer = newUser();
		USERS.down();
		unavailable(post("get", viewer, "{\"postID\":\"" + post + "\"}"));

		userServiceUp();

		JsonNode seen = get(post, viewer);
		assertThat(seen.get("author").get("nickname").asString()).isEqualTo("nick" + author);
		assertThat(ok("like", viewer, "{\"postID\":\"" + post + "\"}").get("likeCount").asLong()).isEqualTo(1);
	}

	private static void unavailable(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(503);
		assertThat(reply.errCode()).as(reply.body()).isEqualTo(1006);
		assertThat(reply.json().get("errMsg").asString()).isEqualTo("ServiceUnavailableError");
		assertThat(reply.json().has("data")).isFalse();
	}

	private static void assertEmptyNames(JsonNode user, long userId) {
		assertThat(user.get("userID").asString()).as(user.toString()).isEqualTo(Long.toString(userId));
		assertThat(user.get("username").asString()).as(user.toString()).isEmpty();
		assertThat(user.get("nickname").asString()).as(user.toString()).isEmpty();
		assertThat(user.get("avatarUrl").asString()).as(user.toString()).isEmpty();
	}

	private long count(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(Long.class).single();
	}

}
