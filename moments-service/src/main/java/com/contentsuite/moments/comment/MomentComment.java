package com.contentsuite.moments.comment;

import java.time.Instant;

/** A live comment; {@code replyToId} is the user it replies to, or {@code null}. */
public record MomentComment(long id, long postId, long authorId, Long replyToId, String content, Instant createTime) {

}
