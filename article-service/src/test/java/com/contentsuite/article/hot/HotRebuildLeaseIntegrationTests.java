package com.contentsuite.article.hot;

import java.time.Instant;
import java.util.List;

import com.contentsuite.article.ArticleServiceIntegrationTest;
import com.contentsuite.article.article.Engagement;
import com.contentsuite.common.redis.RedisNamespace;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild whose lease expired (and was taken by another rebuild) writes nothing more
 * and puts nothing in place, so it can neither wipe the newer rebuild's set nor install a
 * partial one.
 */
class HotRebuildLeaseIntegrationTests extends ArticleServiceIntegrationTest {

	@Autowired
	HotRanking ranking;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RedisNamespace namespace;

	@Test
	void aRebuildThatLostItsLeaseChangesNothing() {
		String base = this.namespace.key("article:{hot}");
		this.redis
			.delete(List.of(base, base + ":versions", base + ":rebuilding", base + ":next", base + ":next:versions"));
		Instant created = Instant.parse("2026-12-01T00:00:00Z");
		String first = this.ranking.beginRebuild(60_000);
		assertThat(first).isNotNull();
		assertThat(this.ranking.beginRebuild(60_000)).as("the lease is held").isNull();
		assertThat(this.ranking.fill(first, 60_000, List.of(new Engagement(901, 0, 1, 0, 0, 1, created)))).isTrue();

		this.redis.delete(base + ":rebuilding");
		String second = this.ranking.beginRebuild(60_000);
		assertThat(second).isNotNull().isNotEqualTo(first);
		assertThat(this.ranking.fill(second, 60_000, List.of(new Engagement(902, 0, 2, 0, 0, 1, created)))).isTrue();

		assertThat(this.ranking.fill(first, 60_000, List.of(new Engagement(903, 0, 3, 0, 0, 1, created)))).isFalse();
		assertThat(this.ranking.finishRebuild(first)).isFalse();
		assertThat(this.redis.hasKey(base)).as("nothing put in place by the lost lease").isFalse();

		assertThat(this.ranking.finishRebuild(second)).isTrue();
		assertThat(this.redis.opsForZSet().range(base, 0, -1)).containsExactly(HotScore.member(902));
		assertThat(this.redis.hasKey(base + ":rebuilding")).isFalse();
	}

}
