package com.contentsuite.moments.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.contentsuite.moments.MomentsServiceIntegrationTest;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code comment/add}, {@code comment/del} and the comments a post embeds. */
class CommentsIntegrationTests extends MomentsServiceIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCommentAndAReplyShowInThePostWithTheirUsers() {
		long author = newUser();
		long alice = newUser();
		long post = publish(author);
		long first = comment(post, alice, "nice 👍");
		JsonNode reply = ok("comment/add", author,
				"{\"postID\":\"" + post + "\",\"content\":\"thanks\",\"replyToUserID\":\"" + alice + "\"}");
		long second = Long.parseLong(reply.get("commentID").asString());

		JsonNode seen = get(post, alice);

		assertThat(seen.get("commentCount").asLong()).isEqualTo(2);
		JsonNode comments = seen.get("comments");
		assertThat(comments).hasSize(2);
		assertThat(comments.get(0).get("commentID").asString()).isEqualTo(Long.toString(first));
		assertThat(comments.get(0).get("author").get("nickname").asString()).isEqualTo("nick" + alice);
		assertThat(comments.get(0).get("content").asString()).isEqualTo("nice 👍");
		assertThat(comments.get(0).get("replyTo").isNull()).isTrue();
		assertThat(comments.get(0).get("createTime").asString()).endsWith("Z");
		assertThat(comments.get(1).get("commentID").asString()).isEqualTo(Long.toString(second));
		assertThat(comments.get(1).get("author").get("userID").asString()).isEqualTo(Long.toString(author));
		assertThat(comments.get(1).get("replyTo").get("userID").asString()).isEqualTo(Long.toString(alice));
		assertThat(comments.get(1).get("replyTo").get("nickname").asString()).isEqualTo("nick" + alice);
	}

	@Test
	void aPostEmbedsItsNewestTwentyCommentsOldestFirstAndCountsThemAll() {
		long author = newUser();
		long post = publish(author);
		List<Long> written = new ArrayList<>();
		// Several commenters: the limit of 10 a minute is per user.
		long commenter = 0;
		for (int i = 0; i < 25; i++) {
			if (i % 5 == 0) {
				commenter = newUser();
			}
			written.add(comment(post, commenter, "comment " + i));
		}

		JsonNode seen = get(post, author);

		assertThat(seen.get("commentCount").asLong()).isEqualTo(25);
		List<Long> embedded = new ArrayList<>();
		seen.get("comments").forEach((c) -> embedded.add(Long.parseLong(c.get("commentID").asString())));
		assertThat(embedded).containsExactlyElementsOf(written.subList(5, 25));
	}

	@Test
	void replyToUserIdMustBeTheAuthorOrACommenter() {
		long author = newUser();
		long alice = newUser();
		long bob = newUser();
		long post = publish(author);
		comment(post, alice, "first");

		Reply toStranger = add(post, bob, "hey", bob + 1_000_000);
		assertThat(toStranger.status()).isEqualTo(400);
		assertThat(toStranger.errDlt()).isEqualTo("replyToUserID must be the post's author or one of its commenters");
		assertThat(add(post, bob, "to the author", author).errCode()).isZero();
		assertThat(add(post, bob, "to alice", alice).errCode()).isZero();
		assertThat(add(post, bob, "bad id", "\"abc\"").errDlt()).isEqualTo("replyToUserID is invalid");
		assertThat(get(post, author).get("commentCount").asLong()).isEqualTo(3);
	}

	@Test
	void aReplyToAUserWhoBlacklistedTheCommenterIs1302() {
		long author = newUser();
		long alice = newUser();
		long bob = newUser();
		long post = publish(author);
		comment(post, alice, "first");
		USERS.blacklist(alice, bob);

		Reply reply = add(post, bob, "to alice", alice);

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.errCode()).isEqualTo(1302);
		assertThat(get(post, author).get("commentCount").asLong()).isEqualTo(1);
	}

	@Test
	void theChecksGoInAnOrderThatRevealsNothing() {
		long author = newUser();
		long viewer = newUser();
		long stranger = newUser();
		long privatePost = publish(author, 2);
		long post = publish(author);
		long gone = newUser();
		long goneComment = comment(post, gone, "soon deleted");
		ok("comment/del", gone, "{\"commentID\":\"" + goneComment + "\"}");
		USERS.blacklist(stranger, viewer);

		// A post the viewer may not see: 1004, whoever is replied to.
		Reply hidden = add(privatePost, viewer, "hi", stranger);
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.errDlt()).isEqualTo("post not found");
		// A user whose only comment was deleted is no commenter.
		assertThat(add(post, viewer, "hi", gone).errDlt())
			.isEqualTo("replyToUserID must be the post's author or one of its commenters");
		// Whether a non-commenter blacklisted the viewer is not told: 1001, not 1302.
		Reply notCommenter = add(post, viewer, "hi", stranger);
		assertThat(notCommenter.status()).isEqualTo(400);
		assertThat(notCommenter.errCode()).isEqualTo(1001);
		assertThat(get(post, author).get("commentCount").asLong()).isZero();
	}

	@Test
	void contentIsCheckedAndNothingIsStoredOnBadInput() {
		long author = newUser();
		long post = publish(author);

		assertThat(add(post, author, "", null).errDlt()).isEqualTo("content must be 1-2000 characters");
		assertThat(add(post, author, "x".repeat(2001), null).errDlt()).isEqualTo("content must be 1-2000 characters");
		assertThat(post("comment/add", author, "{\"content\":\"x\"}").errDlt()).isEqualTo("postID is required");
		assertThat(add(987654321L, author, "x", null).status()).isEqualTo(404);
		assertThat(add(post, author, "x".repeat(2000), null).errCode()).isZero();
		assertThat(get(post, author).get("commentCount").asLong()).isEqualTo(1);
	}

	@Test
	void theCommentsAuthorOrThePostsAuthorMayDeleteNobodyElse() {
		long author = newUser();
		long alice = newUser();
		long bob = newUser();
		long post = publish(author);
		long byAlice = comment(post, alice, "one");
		long another = comment(post, alice, "two");

		Reply byBob = post("comment/del", bob, "{\"commentID\":\"" + byAlice + "\"}");
		assertThat(byBob.status()).isEqualTo(403);
		assertThat(byBob.errCode()).isEqualTo(1002);

		assertThat(post("comment/del", alice, "{\"commentID\":\"" + byAlice + "\"}").errCode()).isZero();
		assertThat(post("comment/del", author, "{\"commentID\":\"" + another + "\"}").errCode()).isZero();
		Reply again = post("comment/del", alice, "{\"commentID\":\"" + byAlice + "\"}");
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.errDlt()).isEqualTo("comment not found");

		JsonNode seen = get(post, author);
		assertThat(seen.get("commentCount").asLong()).isZero();
		assertThat(seen.get("comments")).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM moment_comment WHERE post_id = ? AND deleted = TRUE")
			.param(post)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aRepeatWithTheSameIdempotencyKeyCommentsOnce() {
		long author = newUser();
		long post = publish(author);
		String body = "{\"postID\":\"" + post + "\",\"content\":\"once\"}";

		Reply first = this.api.send("POST", "/chatx/moments/comment/add", author, body,
				Map.of("Idempotency-Key", "c-1"));
		Reply second = this.api.send("POST", "/chatx/moments/comment/add", author, body,
				Map.of("Idempotency-Key", "c-1"));

		assertThat(first.errCode()).as(first.body()).isZero();
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(get(post, author).get("commentCount").asLong()).isEqualTo(1);
	}

	@Test
	void aDeletedPostTakesNoCommentAndItsCommentsCannotBeDeleted() {
		long author = newUser();
		long post = publish(author);
		long comment = comment(post, author, "before");
		ok("delete", author, "{\"postID\":\"" + post + "\"}");

		assertThat(add(post, author, "after", null).status()).isEqualTo(404);
		assertThat(post("comment/del", author, "{\"commentID\":\"" + comment + "\"}").status()).isEqualTo(404);
	}

	private Reply add(long post, long user, String content, Object replyTo) {
		String reply = (replyTo == null) ? ""
				: ",\"replyToUserID\":" + ((replyTo instanceof String text) ? text : "\"" + replyTo + "\"");
		return post("comment/add", user, "{\"postID\":\"" + post + "\",\"content\":\"" + content + "\"" + reply + "}");
	}

}
