package com.contentsuite.moments.comment;

import java.time.Clock;

import com.contentsuite.common.jdbc.LockRetry;
import com.contentsuite.common.ratelimit.PerMinuteLimit;
import com.contentsuite.common.redis.RedisNamespace;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.common.web.Ids;
import com.contentsuite.moments.moment.PostRepository;
import com.contentsuite.moments.moment.PostRepository.Audience;
import com.contentsuite.moments.moment.PostRepository.Counts;
import com.contentsuite.moments.moment.PostRules;
import com.contentsuite.moments.moment.Posts;
import com.contentsuite.moments.people.Audiences;
import com.contentsuite.moments.people.Notices;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writing and deleting comments. The comment row and the post's {@code comment_count}
 * change in one transaction under the post's row lock, so the count equals the live
 * comments, and a post deleted meanwhile takes no comment. A comment tells the post's
 * author and the user it replies to ({@code moment_comment}), in the same transaction.
 */
@Service
class Comments {

	private final CommentRepository comments;

	private final Posts posts;

	private final PostRepository rows;

	private final Audiences audiences;

	private final Notices notices;

	private final PerMinuteLimit limit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Comments(CommentRepository comments, Posts posts, PostRepository rows, Audiences audiences, Notices notices,
			StringRedisTemplate redis, RedisNamespace namespace, CommentProperties properties,
			TransactionTemplate transactions, Clock clock) {
		this.comments = comments;
		this.posts = posts;
		this.rows = rows;
		this.audiences = audiences;
		this.notices = notices;
		this.limit = new PerMinuteLimit(redis, namespace, clock, "moments:comment-rate:", properties.perMinute(),
				"comments");
		this.transactions = transactions;
		this.clock = clock;
	}

	long add(long postId, long userId, String content, String replyToUserId) {
		String text = PostRules.content(content);
		Long replyTo = (replyToUserId == null || replyToUserId.isEmpty()) ? null
				: Ids.parse(replyToUserId, "replyToUserID");
		Audience post = this.posts.audienceOf(postId);
		// Who may see the post first: a viewer who may not learns nothing of its
		// commenters;
		// then whether the user replied to may be, before whether they blacklisted the
		// commenter, so that 1302 tells nothing of a user who never commented here.
		boolean replyBlocked = this.audiences.requireVisibleAndIsReplyBlocked(post, userId, replyTo);
		if (replyTo != null && replyTo != post.authorId() && !this.comments.hasCommented(postId, replyTo)) {
			throw ApiException.args("replyToUserID must be the post's author or one of its commenters");
		}
		if (replyBlocked) {
			throw new ApiException(ErrorCode.BLOCKED_BY_PEER, "you have been blacklisted by this user");
		}
		// Last of the checks; a comment that then is not written (its post deleted
		// meanwhile,
		// a database failure) gives its slot back.
		PerMinuteLimit.Slot slot = this.limit.acquire(userId);
		Long id;
		try {
			id = LockRetry.execute(this.transactions, (status) -> {
				Counts locked = this.rows.lockLive(postId).orElseThrow(Posts::notFound);
				long comment = this.comments.insert(postId, userId, replyTo, text, this.clock.instant());
				this.rows.addComments(postId, 1);
				this.notices.commented(locked.authorId(), userId, replyTo, postId, comment, text);
				return comment;
			});
		}
		catch (RuntimeException ex) {
			slot.release();
			throw ex;
		}
		return (id != null) ? id : 0;
	}

	/** By the comment's author or the post's. */
	void delete(long commentId, long userId) {
		MomentComment comment = this.comments.findLive(commentId).orElseThrow(Comments::notFound);
		LockRetry.execute(this.transactions, (status) -> {
			Counts locked = this.rows.lockLive(comment.postId()).orElseThrow(Comments::notFound);
			if (comment.authorId() != userId && locked.authorId() != userId) {
				throw ApiException.noPermission("only the comment's author or the post's may delete it");
			}
			if (this.comments.delete(commentId)) {
				this.rows.addComments(comment.postId(), -1);
			}
			else {
				throw notFound();
			}
			return null;
		});
	}

	private static ApiException notFound() {
		return ApiException.notFound("comment not found");
	}

}
