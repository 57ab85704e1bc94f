package com.contentsuite.article.comment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.contentsuite.article.article.ArticleService;
import com.contentsuite.article.article.Counter;
import com.contentsuite.article.article.Notices;
import com.contentsuite.article.author.Blacklist;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.Ids;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writing and deleting comments. Every change to a reply tree first locks the tree's
 * top-level comment, so a reply and the deletion of its parent never cross; the article's
 * {@code comments} changes in the same transaction.
 */
@Service
class CommentService {

	static final int MAX_CONTENT = 2000;

	private final CommentRepository comments;

	private final ArticleService articles;

	private final Blacklist blacklist;

	private final CommentRateLimit rateLimit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Notices notices;

	CommentService(CommentRepository comments, ArticleService articles, Blacklist blacklist, CommentRateLimit rateLimit,
			TransactionTemplate transactions, Clock clock, Notices notices) {
		this.notices = notices;
		this.comments = comments;
		this.articles = articles;
		this.blacklist = blacklist;
		this.rateLimit = rateLimit;
		this.transactions = transactions;
		this.clock = clock;
	}

	Comment create(long articleId, long userId, String content, String parentId) {
		String text = checkedContent(content);
		long parent = (parentId == null || parentId.equals("0")) ? 0 : Ids.parse(parentId, "parentID");
		long articleAuthor = this.articles.requireAuthor(articleId);
		Comment parentComment = (parent == 0) ? null : live(parent, articleId);
		if (parentComment != null && parentComment.depth() >= Comment.MAX_DEPTH) {
			throw ApiException.args("replies nest at most " + Comment.MAX_DEPTH + " deep");
		}
		List<Long> owners = new ArrayList<>(List.of(articleAuthor));
		if (parentComment != null) {
			owners.add(parentComment.authorId());
		}
		this.blacklist.requireNotBlockedBy(owners, userId);
		this.rateLimit.acquire(userId);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return this.transactions.execute((status) -> {
			long root = 0;
			int depth = 1;
			if (parentComment != null) {
				root = parentComment.tree();
				this.comments.lock(root);
				Comment locked = this.comments.lock(parent)
					.filter((c) -> !c.deleted())
					.orElseThrow(() -> notFound(parent));
				depth = locked.depth() + 1;
			}
			long id = this.comments.insert(articleId, root, parent, depth, userId, text, now);
			this.articles.add(articleId, Counter.COMMENTS, 1);
			this.notices.commented(articleId, articleAuthor, id,
					(parentComment != null) ? parentComment.authorId() : null, userId, text);
			return new Comment(id, articleId, root, parent, depth, userId, text, false, true, now);
		});
	}

	/** By the comment's author or the article's author. */
	void delete(long articleId, long commentId, long userId) {
		long articleAuthor = this.articles.requireAuthor(articleId);
		Comment found = live(commentId, articleId);
		this.transactions.executeWithoutResult((status) -> {
			this.comments.lock(found.tree());
			Comment comment = this.comments.lock(commentId)
				.filter((c) -> !c.deleted())
				.orElseThrow(() -> notFound(commentId));
			if (comment.authorId() != userId && articleAuthor != userId) {
				throw ApiException.noPermission("only the comment's or the article's author may delete it");
			}
			this.comments.markDeleted(commentId);
			this.articles.add(articleId, Counter.COMMENTS, -1);
			hideBareBranch(comment);
		});
	}

	/**
	 * A deleted comment leaves the tree once no reply below it is left, and so may its
	 * deleted parents, up to the top.
	 */
	private void hideBareBranch(Comment deleted) {
		Comment current = deleted;
		while (current != null && (current.id() == deleted.id() || current.deleted())
				&& !this.comments.hasShownReplies(current.id())) {
			this.comments.hide(current.id());
			current = (current.parentId() == 0) ? null : this.comments.find(current.parentId()).orElse(null);
		}
	}

	private Comment live(long commentId, long articleId) {
		return this.comments.find(commentId)
			.filter((c) -> c.articleId() == articleId && !c.deleted())
			.orElseThrow(() -> notFound(commentId));
	}

	private static String checkedContent(String content) {
		if (content == null || content.isBlank() || content.codePointCount(0, content.length()) > MAX_CONTENT) {
			throw ApiException.args("content must be 1-" + MAX_CONTENT + " characters");
		}
		return content;
	}

	private static ApiException notFound(long commentId) {
		return ApiException.notFound("comment " + commentId + " does not exist");
	}

}
