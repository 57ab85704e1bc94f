package com.contentsuite.moments.feed;

import java.util.List;

import com.contentsuite.userclient.BriefUser;

/** A post as docs/api.md section 5 shows it. */
record PostView(String postID, BriefUser author, String content, List<String> images, int visibility, long likeCount,
		boolean liked, long commentCount, List<CommentView> comments, String createTime) {

}
