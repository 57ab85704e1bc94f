package com.contentsuite.moments.people;

import java.util.List;

import com.contentsuite.moments.moment.PostRepository.Audience;
import com.contentsuite.moments.moment.Posts;
import com.contentsuite.moments.moment.Visibility;
import com.contentsuite.userclient.Relations;
import com.contentsuite.userclient.ViewerRelations;

import org.springframework.stereotype.Service;

/**
 * Who may see what (docs/api.md section 5): a post of {@code EVERYONE} to anyone, of
 * {@code FOLLOWERS} to those who follow its author, of {@code ONLY_ME} to its author;
 * nothing of an author who blacklisted the viewer. The relations come from user-service
 * in one call; when it cannot answer, neither can we (1006): what may be seen cannot be
 * known.
 */
@Service
public class Audiences {

	private final Relations relations;

	Audiences(Relations relations) {
		this.relations = relations;
	}

	/** {@code 1004} unless {@code viewer} may see a post of this audience. */
	public void requireVisible(Audience post, long viewer) {
		if (!visible(post, viewer)) {
			throw Posts.notFound();
		}
	}

	/**
	 * Whether {@code viewer} may see a post of this audience (one call, none for their
	 * own).
	 */
	public boolean visible(Audience post, long viewer) {
		if (post.authorId() == viewer) {
			return true;
		}
		if (post.visibility() == Visibility.ONLY_ME) {
			return false;
		}
		return visible(post, this.relations.of(viewer, List.of(post.authorId())));
	}

	/**
	 * {@link #requireVisible} for a comment that replies to {@code replyTo}, in the same
	 * one call, answering whether the user replied to has blacklisted the commenter
	 * (which the caller refuses with {@code 1302}, as a reply to a blocked article
	 * comment is).
	 */
	public boolean requireVisibleAndIsReplyBlocked(Audience post, long viewer, Long replyTo) {
		boolean asksReplyTo = replyTo != null && replyTo != viewer && replyTo != post.authorId();
		if (!asksReplyTo) {
			requireVisible(post, viewer);
			return false;
		}
		if (post.authorId() != viewer && post.visibility() == Visibility.ONLY_ME) {
			throw Posts.notFound();
		}
		ViewerRelations known = this.relations.of(viewer, List.of(post.authorId(), replyTo));
		if (post.authorId() != viewer && !visible(post, known)) {
			throw Posts.notFound();
		}
		return known.blockedBy().contains(replyTo);
	}

	/**
	 * The widest visibility of {@code author}'s posts that {@code viewer} may see, or
	 * {@code null} for none (the author blacklisted the viewer).
	 */
	public Visibility widestOf(long author, long viewer) {
		if (author == viewer) {
			return Visibility.ONLY_ME;
		}
		ViewerRelations known = this.relations.of(viewer, List.of(author));
		if (known.blockedBy().contains(author)) {
			return null;
		}
		return known.following().contains(author) ? Visibility.FOLLOWERS : Visibility.EVERYONE;
	}

	/**
	 * Whom {@code viewer} follows, for the feed. Blacklisting removes the follow
	 * relations in both directions in user-service, so no author in it has blacklisted
	 * the viewer.
	 */
	public List<Long> followed(long viewer) {
		return this.relations.followingIds(viewer);
	}

	private static boolean visible(Audience post, ViewerRelations known) {
		if (known.blockedBy().contains(post.authorId())) {
			return false;
		}
		return switch (post.visibility()) {
			case EVERYONE -> true;
			case FOLLOWERS -> known.following().contains(post.authorId());
			case ONLY_ME -> false;
		};
	}

}
