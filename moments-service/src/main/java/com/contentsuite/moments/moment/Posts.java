package com.contentsuite.moments.moment;

import java.time.Clock;
import java.util.List;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.moments.moment.PostRepository.Audience;

import org.springframework.stereotype.Service;

/** Publishing and deleting posts, and finding a live one. */
@Service
public class Posts {

	private final PostRepository posts;

	private final Clock clock;

	Posts(PostRepository posts, Clock clock) {
		this.posts = posts;
		this.clock = clock;
	}

	long publish(long authorId, String content, List<String> images, Integer visibility) {
		String text = PostRules.content(content);
		List<String> urls = PostRules.images(images);
		Visibility audience = PostRules.visibility(visibility);
		return this.posts.insert(authorId, text, urls, audience, this.clock.instant());
	}

	/**
	 * Soft: the row stays, with its likes and comments, and every read skips it. One
	 * statement when it is the caller's live post; only a refusal reads the row to tell
	 * someone else's post (1002) from an unknown or deleted one (1004).
	 */
	void delete(long postId, long userId) {
		if (this.posts.delete(postId, userId)) {
			return;
		}
		if (audienceOf(postId).authorId() != userId) {
			throw ApiException.noPermission("only its author may delete a post");
		}
		// Deleted by a concurrent call of the same author.
		throw notFound();
	}

	/** The author and visibility of a live post, or {@code 1004}. */
	public Audience audienceOf(long postId) {
		return this.posts.audienceOf(postId).orElseThrow(Posts::notFound);
	}

	/**
	 * The live post as {@code viewer} sees it (their own like included), or {@code 1004}.
	 */
	public Post require(long postId, long viewer) {
		return this.posts.findLive(postId, viewer).orElseThrow(Posts::notFound);
	}

	/** What every route answers for a post that is unknown, deleted or not to be seen. */
	public static ApiException notFound() {
		return ApiException.notFound("post not found");
	}

}
