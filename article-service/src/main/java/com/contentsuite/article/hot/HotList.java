package com.contentsuite.article.hot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.contentsuite.article.article.Article;
import com.contentsuite.article.article.ArticleRepository;
import com.contentsuite.article.article.Engagement;
import com.contentsuite.common.paging.PageQuery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A page of {@code GET /articles/hot}: IDs from the sorted set, then the rows in one
 * query. A missing set is rebuilt from the database first; while another caller rebuilds
 * it, or when Redis is out, the same order comes from the rows (the score in SQL).
 */
@Service
public class HotList {

	static final long REBUILD_LEASE_MILLIS = 60_000;

	static final int REBUILD_BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(HotList.class);

	private final HotRanking ranking;

	private final ArticleRepository articles;

	HotList(HotRanking ranking, ArticleRepository articles) {
		this.ranking = ranking;
		this.articles = articles;
	}

	/** The page with one row of lookahead. */
	public List<Article> page(PageQuery query) {
		Optional<List<Long>> ids;
		try {
			ids = this.ranking.page(query.offset(), query.limitWithLookahead());
			if (ids.isEmpty() && rebuild()) {
				ids = this.ranking.page(query.offset(), query.limitWithLookahead());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Hot ranking unavailable, ordering from the rows: {}", ex.toString());
			ids = Optional.empty();
		}
		if (ids.isEmpty()) {
			return this.articles.hottest(query.offset(), query.limitWithLookahead());
		}
		Map<Long, Article> rows = this.articles.liveByIds(ids.get())
			.stream()
			.collect(Collectors.toMap(Article::id, Function.identity()));
		List<Article> page = new ArrayList<>(rows.size());
		for (Long id : ids.get()) {
			Article article = rows.get(id);
			if (article != null) {
				page.add(article);
			}
		}
		return page;
	}

	/** Rebuilds the set from the rows; false when another caller holds the rebuild. */
	boolean rebuild() {
		String token = this.ranking.beginRebuild(REBUILD_LEASE_MILLIS);
		if (token == null) {
			return false;
		}
		// Each batch renews the lease; one that finds it lost (expired, taken by another
		// rebuild) stops writing, and this rebuild puts nothing in place.
		List<Engagement> batch = new ArrayList<>(REBUILD_BATCH);
		boolean[] held = { true };
		this.articles.eachEngagement((engagement) -> {
			if (!held[0]) {
				return;
			}
			batch.add(engagement);
			if (batch.size() == REBUILD_BATCH) {
				held[0] = this.ranking.fill(token, REBUILD_LEASE_MILLIS, batch);
				batch.clear();
			}
		});
		if (held[0] && !batch.isEmpty()) {
			held[0] = this.ranking.fill(token, REBUILD_LEASE_MILLIS, batch);
		}
		return held[0] && this.ranking.finishRebuild(token);
	}

}
