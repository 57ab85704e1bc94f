package com.contentsuite.moments.feed;

import com.contentsuite.userclient.BriefUser;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A comment embedded in a post; {@code replyTo} is {@code null} for no reply, written as
 * {@code null} (docs/api.md section 5), not left out as the suite's other null fields
 * are.
 */
record CommentView(String commentID, BriefUser author, String content,
		@JsonInclude(JsonInclude.Include.ALWAYS) BriefUser replyTo, String createTime) {

}
