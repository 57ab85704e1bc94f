package com.contentsuite.article.comment;

import java.util.List;

import com.contentsuite.common.web.Times;
import com.contentsuite.userclient.BriefUser;

/**
 * A comment with its replies, oldest first; a deleted one that still has replies keeps
 * its place with {@code content ""} and {@code deleted true}.
 */
record CommentView(String commentID, String content, boolean deleted, BriefUser author, String createTime,
		List<CommentView> children) {

	static CommentView of(Comment comment, BriefUser author, List<CommentView> children) {
		return new CommentView(Long.toString(comment.id()), comment.deleted() ? "" : comment.content(),
				comment.deleted(), author, Times.format(comment.createTime()), children);
	}

}
