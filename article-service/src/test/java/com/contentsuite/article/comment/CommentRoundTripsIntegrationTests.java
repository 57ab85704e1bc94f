package com.contentsuite.article.comment;

import com.contentsuite.article.ArticleServiceIntegrationTest;
import com.contentsuite.testsupport.StatementCounter;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of comment trees costs the same round trips whatever its size (docs/api.md
 * section 4): the article check, one query for the top-level comments, one for every
 * reply below them, and one batch call to user-service for all their authors. The limit
 * on comments a minute is lifted so that a few authors can write a large page.
 */
@Import(CommentRoundTripsIntegrationTests.Counting.class)
@TestPropertySource(properties = "article.comments.per-minute=100000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentRoundTripsIntegrationTests extends ArticleServiceIntegrationTest {

	private static final int TREES = 40;

	@Autowired
	private StatementCounter statements;

	private long article;

	private long[] authors;

	@TestConfiguration(proxyBeanMethods = false)
	static class Counting {

		@Bean
		static StatementCounter statementCounter() {
			return new StatementCounter();
		}

	}

	/**
	 * {@value #TREES} trees by the same three authors, each a top-level comment with two
	 * replies, one of them replied to in turn, and every fifth tree eight levels deep.
	 */
	@BeforeAll
	void writeTrees() {
		connect();
		this.authors = new long[] { newUser(), newUser(), newUser() };
		this.article = write(this.authors[0]);
		for (int i = 0; i < TREES; i++) {
			long top = comment(this.authors[i % 3], "top " + i, 0);
			long first = comment(this.authors[(i + 1) % 3], "first " + i, top);
			comment(this.authors[(i + 2) % 3], "second " + i, top);
			long parent = comment(this.authors[i % 3], "first's reply " + i, first);
			if (i % 5 == 0) {
				for (int depth = 4; depth <= 8; depth++) {
					parent = comment(this.authors[depth % 3], "depth " + depth + " of " + i, parent);
				}
			}
		}
	}

	private void connect() {
		this.api = new ServiceApi(this.port, this.secret);
	}

	private long comment(long userId, String content, long parentId) {
		Reply reply = this.api.send("POST", "/articles/" + this.article + "/comments", ServiceApi.GATEWAY, userId,
				"{\"content\":" + ServiceApi.quote(content) + ",\"parentID\":\"" + parentId + "\"}");
		assertThat(reply.errCode()).as(reply.body()).isZero();
		return Long.parseLong(reply.data().get("commentID").stringValue());
	}

	/** What one page costs, and the page. */
	private Cost cost(String query, Long viewer) {
		int batchCallsBefore = USERS.batchCalls();
		Reply page = this.statements
			.during(() -> this.api.get("/articles/" + this.article + "/comments" + query, viewer));
		assertThat(page.errCode()).as(page.body()).isZero();
		return new Cost(this.statements.count(), USERS.batchCalls() - batchCallsBefore, page, this.statements.sql());
	}

	@Test
	void aPageOfFortyTreesCostsWhatAPageOfTwoCosts() {
		Cost small = cost("?size=2", null);
		Cost large = cost("?size=" + TREES, null);

		assertThat(small.page().data().get("list").size()).isEqualTo(2);
		assertThat(large.page().data().get("list").size()).isEqualTo(TREES);
		assertThat(replies(large.page().data())).isEqualTo(TREES * 3 + (TREES / 5) * 5);
		assertThat(large.statements()).as("statements of a page of %d: %s", TREES, large.sql())
			.isEqualTo(small.statements());
		assertThat(large.batchCalls()).isEqualTo(small.batchCalls());
		assertThat(small.statements()).as("article check, top-level page, replies: %s", small.sql()).isEqualTo(3);
		assertThat(small.batchCalls()).isEqualTo(1);
	}

	@Test
	void everyPageCostsTheSame() {
		Cost first = cost("?page=1&size=7", null);
		Cost middle = cost("?page=3&size=7", null);
		Cost last = cost("?page=6&size=7", null);

		assertThat(last.page().data().get("hasMore").booleanValue()).isFalse();
		assertThat(last.page().data().get("list").size()).isEqualTo(TREES - 5 * 7);
		for (Cost cost : new Cost[] { first, middle, last }) {
			assertThat(cost.statements()).as("%s", cost.sql()).isEqualTo(3);
			assertThat(cost.batchCalls()).isEqualTo(1);
		}
	}

	@Test
	void aViewerCostsNothingMore() {
		Cost anonymous = cost("?size=" + TREES, null);
		Cost viewer = cost("?size=" + TREES, newUser());

		assertThat(viewer.statements()).as("%s", viewer.sql()).isEqualTo(anonymous.statements());
		assertThat(viewer.batchCalls()).isEqualTo(anonymous.batchCalls());
	}

	@Test
	void aPageBeyondTheLastAsksNobodyForAuthors() {
		Cost beyond = cost("?page=99&size=" + TREES, null);

		assertThat(beyond.page().data().get("list").isEmpty()).isTrue();
		assertThat(beyond.statements()).as("article check, top-level page: %s", beyond.sql()).isEqualTo(2);
		assertThat(beyond.batchCalls()).isZero();
	}

	private static int replies(JsonNode data) {
		int count = 0;
		for (JsonNode top : data.get("list")) {
			count += below(top);
		}
		return count;
	}

	private static int below(JsonNode comment) {
		int count = 0;
		for (JsonNode child : comment.get("children")) {
			count += 1 + below(child);
		}
		return count;
	}

	private record Cost(int statements, int batchCalls, Reply page, java.util.List<String> sql) {
	}

}
