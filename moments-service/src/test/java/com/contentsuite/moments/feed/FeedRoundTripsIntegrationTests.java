package com.contentsuite.moments.feed;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.contentsuite.moments.MomentsServiceIntegrationTest;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.testsupport.StatementCounter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page costs is bounded whatever its size (README, "Pages cost a fixed number of
 * round trips"): one query for the posts with the viewer's likes, one for the newest
 * comments of all of them, one batch call for every user shown; the feed adds the one
 * call for the followed IDs, {@code get}, {@code user} and {@code likes} of someone
 * else's post the one relation call. Never a statement or a call per post, comment or
 * user.
 */
@Import(FeedRoundTripsIntegrationTests.Counting.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedRoundTripsIntegrationTests extends MomentsServiceIntegrationTest {

	private static final int POSTS = 20;

	@Autowired
	private StatementCounter statements;

	private long viewer;

	private long author;

	/** The author's post with the most comments and likes. */
	private long busyPost;

	@TestConfiguration(proxyBeanMethods = false)
	static class Counting {

		@Bean
		static StatementCounter statementCounter() {
			return new StatementCounter();
		}

	}

	/**
	 * The viewer follows two authors who wrote {@value #POSTS} posts between them; every
	 * post has comments by commenters of its own (some replying to another), and one has
	 * more comments than a post embeds and many likers.
	 */
	@BeforeAll
	void writePosts() {
		this.api = new ServiceApi(this.port, this.secret);
		USERS.up();
		this.viewer = newUser();
		this.author = newUser();
		long otherAuthor = newUser();
		USERS.follow(this.viewer, this.author);
		USERS.follow(this.viewer, otherAuthor);
		for (int i = 0; i < POSTS; i++) {
			long postId = publish((i % 2 == 0) ? this.author : otherAuthor, i % 2);
			long first = newUser();
			long second = newUser();
			// Follower-only posts take comments from followers only.
			USERS.follow(first, this.author);
			USERS.follow(first, otherAuthor);
			USERS.follow(second, this.author);
			USERS.follow(second, otherAuthor);
			comment(postId, first, "first on " + i);
			ok("comment/add", second,
					"{\"postID\":\"" + postId + "\",\"content\":\"re\",\"replyToUserID\":\"" + first + "\"}");
			if (i == 0) {
				this.busyPost = postId;
			}
		}
		for (int i = 0; i < 25; i++) {
			long fan = newUser();
			comment(this.busyPost, fan, "fan " + i);
			ok("like", fan, "{\"postID\":\"" + this.busyPost + "\"}");
		}
	}

	private Cost cost(String route, long who, String json) {
		int batchCallsBefore = USERS.batchCalls();
		int relationCallsBefore = USERS.relationCalls();
		Reply reply = this.statements.during(() -> post(route, who, json));
		assertThat(reply.errCode()).as(reply.body()).isZero();
		return new Cost(this.statements.count(), USERS.relationCalls() - relationCallsBefore,
				USERS.batchCalls() - batchCallsBefore, reply.data(), this.statements.sql());
	}

	@Test
	void aFeedPageOfTwentyPostsCostsWhatAPageOfOneCosts() {
		Cost one = cost("feed", this.viewer, "{\"pagination\":{\"pageNumber\":1,\"showNumber\":1}}");
		Cost twenty = cost("feed", this.viewer, "{\"pagination\":{\"pageNumber\":1,\"showNumber\":20}}");

		assertThat(one.data().get("list")).hasSize(1);
		assertThat(twenty.data().get("list")).hasSize(POSTS);
		// The large page really shows many users: authors, commenters, users replied to.
		assertThat(usersShown(twenty.data())).hasSizeGreaterThan(POSTS * 2);
		assertThat(twenty.statements()).as("%s", twenty.sql()).isEqualTo(one.statements()).isEqualTo(2);
		assertThat(twenty.relationCalls()).isEqualTo(one.relationCalls()).isOne();
		assertThat(twenty.batchCalls()).isEqualTo(one.batchCalls()).isOne();
	}

	@Test
	void getOfSomeoneElsesPostIsTwoStatementsOneRelationCallAndOneBatchCall() {
		Cost get = cost("get", this.viewer, "{\"postID\":\"" + this.busyPost + "\"}");

		assertThat(get.data().get("comments")).hasSize(20);
		assertThat(get.statements()).as("%s", get.sql()).isEqualTo(2);
		assertThat(get.relationCalls()).isOne();
		assertThat(get.batchCalls()).isOne();
	}

	@Test
	void getOfOnesOwnPostNeedsNoRelationCall() {
		Cost get = cost("get", this.author, "{\"postID\":\"" + this.busyPost + "\"}");

		assertThat(get.statements()).as("%s", get.sql()).isEqualTo(2);
		assertThat(get.relationCalls()).isZero();
		assertThat(get.batchCalls()).isOne();
	}

	@Test
	void aUserListOfTenPostsCostsWhatAListOfOneCosts() {
		String body = "{\"userID\":\"" + this.author + "\",\"pagination\":{\"pageNumber\":1,\"showNumber\":";
		Cost one = cost("user", this.viewer, body + "1}}");
		Cost ten = cost("user", this.viewer, body + "50}}");

		assertThat(one.data().get("list")).hasSize(1);
		assertThat(ten.data().get("list")).hasSize(POSTS / 2);
		assertThat(ten.statements()).as("%s", ten.sql()).isEqualTo(one.statements()).isEqualTo(2);
		assertThat(ten.relationCalls()).isEqualTo(one.relationCalls()).isOne();
		assertThat(ten.batchCalls()).isEqualTo(one.batchCalls()).isOne();
	}

	@Test
	void aPageOfLikersCostsWhatAPageOfOneCosts() {
		String body = "{\"postID\":\"" + this.busyPost + "\",\"pagination\":{\"pageNumber\":1,\"showNumber\":";
		Cost one = cost("likes", this.viewer, body + "1}}");
		Cost all = cost("likes", this.viewer, body + "50}}");

		assertThat(one.data().get("list")).hasSize(1);
		assertThat(all.data().get("list")).hasSize(25);
		assertThat(all.statements()).as("%s", all.sql()).isEqualTo(one.statements()).isEqualTo(2);
		assertThat(all.relationCalls()).isEqualTo(one.relationCalls()).isOne();
		assertThat(all.batchCalls()).isEqualTo(one.batchCalls()).isOne();
	}

	private static Set<String> usersShown(JsonNode page) {
		Set<String> users = new HashSet<>();
		for (JsonNode post : page.get("list")) {
			users.add(post.get("author").get("userID").asString());
			for (JsonNode comment : post.get("comments")) {
				users.add(comment.get("author").get("userID").asString());
				if (!comment.get("replyTo").isNull()) {
					users.add(comment.get("replyTo").get("userID").asString());
				}
			}
		}
		return users;
	}

	private record Cost(int statements, int relationCalls, int batchCalls, JsonNode data, List<String> sql) {
	}

}
