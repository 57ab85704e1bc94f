package com.contentsuite.user.notification;

import java.util.Arrays;

import com.contentsuite.common.web.ApiException;

/** docs/api.md section 7's types, and which target each one names. */
enum NotificationType {

	FOLLOW("follow", false, false, false), ARTICLE_LIKE("article_like", true, false, false),
	ARTICLE_COLLECT("article_collect", true, false, false), ARTICLE_COMMENT("article_comment", true, false, true),
	COMMENT_REPLY("comment_reply", true, false, true), MOMENT_LIKE("moment_like", false, true, false),
	MOMENT_COMMENT("moment_comment", false, true, true);

	final String wire;

	final boolean article;

	final boolean post;

	final boolean comment;

	NotificationType(String wire, boolean article, boolean post, boolean comment) {
		this.wire = wire;
		this.article = article;
		this.post = post;
		this.comment = comment;
	}

	static NotificationType of(String wire) {
		return Arrays.stream(values())
			.filter((t) -> t.wire.equals(wire))
			.findFirst()
			.orElseThrow(() -> ApiException.args("type is unknown"));
	}

}
