package com.contentsuite.user.notification;

import java.util.Map;

import com.contentsuite.common.web.Times;
import com.contentsuite.user.brief.BriefUser;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A notification as listed: the actor as a brief user (blank names when the profile is
 * not known here), the targets its type names, never the others.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NotificationView(String notificationID, String type, BriefUser actor, String articleID, String postID,
		String commentID, String excerpt, String createTime, boolean read) {

	static NotificationView of(NotificationStore.Stored row, Map<String, BriefUser> briefs) {
		String actor = Long.toString(row.actorId());
		BriefUser brief = briefs.getOrDefault(actor, new BriefUser(actor, "", "", ""));
		return new NotificationView(Long.toString(row.id()), row.type(), brief, text(row.articleId()),
				text(row.postId()), text(row.commentId()), row.excerpt(), Times.format(row.createTime()), row.read());
	}

	private static String text(Long id) {
		return (id != null) ? id.toString() : null;
	}

}
