package com.contentsuite.article.hit;

import com.contentsuite.article.article.ArticleRepository;
import com.contentsuite.article.article.ArticleService;
import com.contentsuite.article.article.Counter;
import com.contentsuite.common.identity.Viewer;
import com.contentsuite.common.redis.RedisNamespace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Counts a hit once per viewer (user, else client IP) per article per window: Redis keeps
 * who was seen ({@code SET NX} with the window as TTL), the database the count, so the
 * count survives a Redis restart (at worst a viewer counts again).
 */
@Service
class HitService {

	private static final Logger log = LoggerFactory.getLogger(HitService.class);

	private final ArticleService articles;

	private final ArticleRepository rows;

	private final StringRedisTemplate redis;

	private final RedisNamespace namespace;

	private final HitProperties properties;

	HitService(ArticleService articles, ArticleRepository rows, StringRedisTemplate redis, RedisNamespace namespace,
			HitProperties properties) {
		this.articles = articles;
		this.rows = rows;
		this.redis = redis;
		this.namespace = namespace;
		this.properties = properties;
	}

	/** The article's hits after this one. */
	long hit(long articleId, Viewer viewer) {
		// One query checks the article and reads the count a repeat answers.
		long hits = this.rows.liveCount(articleId, Counter.HITS).orElseThrow(() -> ArticleService.notFound(articleId));
		String key = this.namespace.key("article:hit:" + articleId + ":" + viewer.key());
		Boolean first;
		try {
			first = this.redis.opsForValue().setIfAbsent(key, "1", this.properties.window());
		}
		catch (RuntimeException ex) {
			// Without Redis a viewer cannot be told from the last one: the hit is not
			// counted rather than counted twice, and the page still shows the count.
			log.warn("Hit not counted, Redis unavailable: {}", ex.toString());
			return hits;
		}
		if (!Boolean.TRUE.equals(first)) {
			return hits;
		}
		try {
			return this.articles.add(articleId, Counter.HITS, 1).hits();
		}
		catch (RuntimeException ex) {
			// Not counted: let the viewer's next hit count.
			forget(key);
			throw ex;
		}
	}

	private void forget(String key) {
		try {
			this.redis.delete(key);
		}
		catch (RuntimeException ex) {
			log.warn("Could not release hit key: {}", ex.toString());
		}
	}

}
