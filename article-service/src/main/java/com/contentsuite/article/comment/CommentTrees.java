package com.contentsuite.article.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.contentsuite.common.paging.PageQuery;
import com.contentsuite.common.paging.PageResult;
import com.contentsuite.userclient.BriefUser;
import com.contentsuite.article.author.Authors;

import org.springframework.stereotype.Component;

/**
 * A page of comment trees at a fixed cost: one query for the top-level comments, one for
 * every reply below them, one batch call for their authors.
 */
@Component
class CommentTrees {

	private final CommentRepository comments;

	private final Authors authors;

	CommentTrees(CommentRepository comments, Authors authors) {
		this.comments = comments;
		this.authors = authors;
	}

	PageResult<CommentView> page(long articleId, PageQuery query) {
		PageResult<Comment> tops = PageResult.of(query,
				this.comments.topLevel(articleId, query.offset(), query.limitWithLookahead()));
		List<Comment> replies = this.comments.replies(tops.list().stream().map(Comment::id).toList());
		Map<Long, List<Comment>> childrenOf = new HashMap<>();
		List<Long> authorIds = new ArrayList<>();
		for (Comment comment : tops.list()) {
			authorIds.add(comment.authorId());
		}
		for (Comment reply : replies) {
			childrenOf.computeIfAbsent(reply.parentId(), (key) -> new ArrayList<>()).add(reply);
			authorIds.add(reply.authorId());
		}
		Map<Long, BriefUser> users = authorIds.isEmpty() ? Map.of() : this.authors.of(authorIds);
		return tops.map((top) -> view(top, childrenOf, users));
	}

	CommentView single(Comment comment) {
		return CommentView.of(comment, this.authors.of(comment.authorId()), List.of());
	}

	/** Replies arrive oldest first, so each list of children is already in order. */
	private static CommentView view(Comment comment, Map<Long, List<Comment>> childrenOf, Map<Long, BriefUser> users) {
		List<CommentView> children = new ArrayList<>();
		for (Comment child : childrenOf.getOrDefault(comment.id(), List.of())) {
			children.add(view(child, childrenOf, users));
		}
		return CommentView.of(comment, users.get(comment.authorId()), children);
	}

}
