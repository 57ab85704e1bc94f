package com.contentsuite.moments.people;

import java.util.ArrayList;
import java.util.List;

import com.contentsuite.moments.MomentsServiceIntegrationTest;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api.md section 5's visibility: 0 everyone, 1 the author's followers, 2 the author;
 * an author who blacklisted the viewer shows nothing. What a viewer may not see is 1004
 * for get, like, likes and comment/add and absent from feed and user lists.
 */
class VisibilityIntegrationTests extends MomentsServiceIntegrationTest {

	private long author;

	private long follower;

	private long stranger;

	private long blocked;

	/** Posts of visibility 0, 1 and 2, in that order. */
	private final long[] posts = new long[3];

	@BeforeEach
	void postsOfEveryVisibility() {
		this.author = newUser();
		this.follower = newUser();
		this.stranger = newUser();
		this.blocked = newUser();
		USERS.follow(this.follower, this.author);
		// Blacklisting removes the follow in user-service; the stub keeps it, so that
		// get,
		// like, likes, comment/add and the user list must check the blacklist themselves
		// (the feed relies on the removed follow: MomentsJourneyTests covers it end to
		// end).
		USERS.follow(this.blocked, this.author);
		USERS.blacklist(this.author, this.blocked);
		for (int visibility = 0; visibility < 3; visibility++) {
			this.posts[visibility] = publish(this.author, visibility);
			// The author's own like: a likes list that may be seen is never empty.
			ok("like", this.author, "{\"postID\":\"" + this.posts[visibility] + "\"}");
		}
	}

	@Test
	void eachViewerGetsWhatTheyMaySeeAndNothingElse() {
		assertSees(this.author, 0, 1, 2);
		assertSees(this.follower, 0, 1);
		assertSees(this.stranger, 0);
		assertSees(this.blocked);
	}

	@Test
	void theAuthorsListShowsEachViewerTheSamePosts() {
		assertThat(userList(this.author)).containsExactly(this.posts[2], this.posts[1], this.posts[0]);
		assertThat(userList(this.follower)).containsExactly(this.posts[1], this.posts[0]);
		assertThat(userList(this.stranger)).containsExactly(this.posts[0]);
		assertThat(userList(this.blocked)).isEmpty();
	}

	@Test
	void theFeedOfAFollowerHoldsTheirOwnPostsAndTheFollowedAuthorsThatAreNotPrivate() {
		long own = publish(this.follower, 2);

		List<Long> feed = feed(this.follower);

		assertThat(feed).containsExactly(own, this.posts[1], this.posts[0]);
		assertThat(feed(this.stranger)).doesNotContain(this.posts[0], this.posts[1], this.posts[2]);
		assertThat(feed(this.author)).containsExactly(this.posts[2], this.posts[1], this.posts[0]);
	}

	@Test
	void unfollowingHidesTheFollowerOnlyPostsAtOnce() {
		USERS.unfollow(this.follower, this.author);

		assertSees(this.follower, 0);
		assertThat(feed(this.follower)).doesNotContain(this.posts[0], this.posts[1]);
	}

	@Test
	void aRefusedLikeOrCommentStoresNothing() {
		post("like", this.stranger, "{\"postID\":\"" + this.posts[1] + "\"}");
		post("comment/add", this.blocked, "{\"postID\":\"" + this.posts[0] + "\",\"content\":\"hi\"}");

		JsonNode seenByAuthor = get(this.posts[1], this.author);
		assertThat(seenByAuthor.get("likeCount").asLong()).as("the author's own like only").isOne();
		assertThat(get(this.posts[0], this.author).get("commentCount").asLong()).isZero();
	}

	private void assertSees(long viewer, int... visible) {
		for (int visibility = 0; visibility < 3; visibility++) {
			boolean expected = contains(visible, visibility);
			String id = "{\"postID\":\"" + this.posts[visibility] + "\"";
			// The likes list of a post the viewer may not see is empty, not an error; of
			// one
			// they may see it holds at least the author's like (which cancel, then like,
			// below leave in place).
			Reply likes = post("likes", viewer, id + "}");
			assertThat(likes.errCode()).as("likes: viewer %d, visibility %d: %s", viewer, visibility, likes.body())
				.isZero();
			assertThat(likes.data().get("list").isEmpty()).as("likers shown to viewer %d", viewer).isEqualTo(!expected);
			List<Reply> replies = List.of(post("get", viewer, id + "}"), post("like", viewer, id + ",\"cancel\":true}"),
					post("like", viewer, id + "}"), post("comment/add", viewer, id + ",\"content\":\"seen\"}"));
			for (Reply reply : replies) {
				if (expected) {
					assertThat(reply.errCode()).as("viewer %d, visibility %d: %s", viewer, visibility, reply.body())
						.isZero();
				}
				else {
					assertThat(reply.status()).as("viewer %d, visibility %d: %s", viewer, visibility, reply.body())
						.isEqualTo(404);
					assertThat(reply.errDlt()).isEqualTo("post not found");
				}
			}
		}
	}

	private List<Long> userList(long viewer) {
		return ids(ok("user", viewer, "{\"userID\":\"" + this.author + "\"}"));
	}

	private List<Long> feed(long viewer) {
		return ids(ok("feed", viewer, "{\"pagination\":{\"pageNumber\":1,\"showNumber\":50}}"));
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("list").forEach((post) -> ids.add(Long.parseLong(post.get("postID").asString())));
		return ids;
	}

	private static boolean contains(int[] values, int value) {
		for (int v : values) {
			if (v == value) {
				return true;
			}
		}
		return false;
	}

}
