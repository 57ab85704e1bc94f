package com.contentsuite.article.hot;

import com.contentsuite.article.article.ArticleEvents.Deleted;
import com.contentsuite.article.article.ArticleEvents.EngagementChanged;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the sorted set in step with committed changes. A failed update leaves that
 * article's score behind until its next change (or the set's next rebuild); the rows stay
 * the truth.
 */
@Component
class HotListener {

	private static final Logger log = LoggerFactory.getLogger(HotListener.class);

	private final HotRanking ranking;

	HotListener(HotRanking ranking) {
		this.ranking = ranking;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(EngagementChanged event) {
		try {
			this.ranking.update(event.engagement());
		}
		catch (RuntimeException ex) {
			log.warn("Hot score of article {} not updated: {}", event.engagement().articleId(), ex.toString());
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(Deleted event) {
		try {
			this.ranking.remove(event.articleId());
		}
		catch (RuntimeException ex) {
			log.warn("Article {} not removed from the hot list: {}", event.articleId(), ex.toString());
		}
	}

}
