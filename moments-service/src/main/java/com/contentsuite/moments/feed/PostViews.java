package com.contentsuite.moments.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.contentsuite.common.web.Times;
import com.contentsuite.moments.comment.CommentRepository;
import com.contentsuite.moments.comment.MomentComment;
import com.contentsuite.moments.moment.Post;
import com.contentsuite.moments.people.People;
import com.contentsuite.userclient.BriefUser;

import org.springframework.stereotype.Service;

/**
 * Posts as answers: whatever the number of posts, one query for their newest comments and
 * one batch call for every user they show (authors, commenters, users replied to).
 */
@Service
class PostViews {

	/**
	 * Comments a post embeds (docs/api.md section 5); {@code commentCount} counts them
	 * all.
	 */
	static final int EMBEDDED_COMMENTS = 20;

	private final CommentRepository comments;

	private final People people;

	PostViews(CommentRepository comments, People people) {
		this.comments = comments;
		this.people = people;
	}

	List<PostView> of(List<Post> posts) {
		if (posts.isEmpty()) {
			return List.of();
		}
		List<MomentComment> newest = this.comments.newest(posts.stream().map(Post::id).toList(), EMBEDDED_COMMENTS);
		Set<Long> userIds = new LinkedHashSet<>();
		posts.forEach((post) -> userIds.add(post.authorId()));
		Map<Long, List<MomentComment>> byPost = new HashMap<>();
		for (MomentComment comment : newest) {
			byPost.computeIfAbsent(comment.postId(), (id) -> new ArrayList<>()).add(comment);
			userIds.add(comment.authorId());
			if (comment.replyToId() != null) {
				userIds.add(comment.replyToId());
			}
		}
		Map<Long, BriefUser> users = this.people.of(userIds);
		return posts.stream().map((post) -> view(post, byPost.getOrDefault(post.id(), List.of()), users)).toList();
	}

	PostView of(Post post) {
		return of(List.of(post)).get(0);
	}

	private static PostView view(Post post, List<MomentComment> comments, Map<Long, BriefUser> users) {
		List<CommentView> embedded = comments.stream()
			.map((comment) -> new CommentView(Long.toString(comment.id()), users.get(comment.authorId()),
					comment.content(), (comment.replyToId() != null) ? users.get(comment.replyToId()) : null,
					Times.format(comment.createTime())))
			.toList();
		return new PostView(Long.toString(post.id()), users.get(post.authorId()), post.content(), post.images(),
				post.visibility().code(), post.likeCount(), post.liked(), post.commentCount(), embedded,
				Times.format(post.createTime()));
	}

}
