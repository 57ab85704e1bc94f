package com.contentsuite.article.listing;

import java.util.List;

import com.contentsuite.article.ArticleServiceIntegrationTest;
import com.contentsuite.testsupport.StatementCounter;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of articles costs the same whatever its size (docs/api.md section 4): one query
 * for the page, one batch call for the authors and, for a signed-in viewer, one query for
 * the viewer's likes and collections; never one per row.
 */
@Import(ArticleListRoundTripsIntegrationTests.Counting.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleListRoundTripsIntegrationTests extends ArticleServiceIntegrationTest {

	private static final int ARTICLES = 30;

	@Autowired
	private StatementCounter statements;

	private long viewer;

	private long author;

	@TestConfiguration(proxyBeanMethods = false)
	static class Counting {

		@Bean
		static StatementCounter statementCounter() {
			return new StatementCounter();
		}

	}

	/**
	 * Three authors write {@value #ARTICLES} articles; the viewer likes and collects
	 * some.
	 */
	@BeforeAll
	void writeArticles() {
		this.api = new ServiceApi(this.port, this.secret);
		long[] authors = { newUser(), newUser(), newUser() };
		this.author = authors[0];
		this.viewer = newUser();
		for (int i = 0; i < ARTICLES; i++) {
			long id = write(authors[i % 3], "t" + i, "c" + i);
			if (i % 2 == 0) {
				assertThat(this.api.put("/articles/" + id + "/likes", this.viewer, "{\"status\":1}").errCode())
					.isZero();
			}
			if (i % 3 == 0) {
				assertThat(this.api.put("/articles/" + id + "/collections", this.viewer, "{\"status\":1}").errCode())
					.isZero();
			}
		}
	}

	private Cost cost(String path, Long viewerId) {
		int batchCallsBefore = USERS.batchCalls();
		Reply page = this.statements.during(() -> this.api.get(path, viewerId));
		assertThat(page.errCode()).as(page.body()).isZero();
		return new Cost(this.statements.count(), USERS.batchCalls() - batchCallsBefore, page, this.statements.sql());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/articles/new", "/articles/likes", "/articles/collections", "/articles/users/AUTHOR",
			"/articles/mine" })
	void aLargePageCostsWhatASmallPageCosts(String route) {
		String path = route.replace("AUTHOR", Long.toString(this.author));
		Long who = route.equals("/articles/mine") ? this.author : this.viewer;
		Cost small = cost(path + "?size=2", who);
		Cost large = cost(path + "?size=50", who);
		assertThat(small.page().data().get("list").size()).isEqualTo(2);
		assertThat(large.page().data().get("list").size()).isGreaterThan(2);
		assertThat(large.statements()).as("%s", large.sql()).isEqualTo(small.statements()).isEqualTo(2);
		assertThat(large.batchCalls()).isEqualTo(small.batchCalls()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/articles/new", "/articles/users/AUTHOR" })
	void anAnonymousPageIsOneQueryAndOneCall(String route) {
		Cost large = cost(route.replace("AUTHOR", Long.toString(this.author)) + "?size=50", null);
		assertThat(large.statements()).as("%s", large.sql()).isEqualTo(1);
		assertThat(large.batchCalls()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/articles/new", "/articles/likes" })
	void theViewersStatusesComeFromTheOneQuery(String route) {
		Reply page = cost(route + "?size=50", this.viewer).page();
		int liked = 0;
		int collected = 0;
		for (var item : page.data().get("list")) {
			liked += item.get("likeStatus").intValue();
			collected += item.get("collectStatus").intValue();
		}
		assertThat(liked).isEqualTo(ARTICLES / 2);
		assertThat(collected).isEqualTo(route.endsWith("likes") ? List.of(0, 6, 12, 18, 24).size() : ARTICLES / 3);
	}

	private record Cost(int statements, int batchCalls, Reply page, List<String> sql) {
	}

}
