package com.contentsuite.moments.feed;

import com.contentsuite.userclient.BriefUser;

/** A comment embedded in a post; {@code replyTo} is {@code null} for no reply. */
record CommentView(String commentID, BriefUser author, String content, BriefUser replyTo, String createTime) {

}
