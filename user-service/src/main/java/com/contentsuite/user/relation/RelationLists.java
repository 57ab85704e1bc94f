package com.contentsuite.user.relation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.contentsuite.common.paging.PageQuery;
import com.contentsuite.common.paging.PageResult;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.user.brief.BriefUser;
import com.contentsuite.user.brief.BriefUsers;

import org.springframework.stereotype.Service;

/**
 * Pages of followings, followers and the blacklist: one query for the page (with one row
 * of lookahead, and the viewer's {@code followed} flags joined in), one batch query for
 * the listed users.
 */
@Service
class RelationLists {

	private final RelationRepository relations;

	private final BriefUsers users;

	RelationLists(RelationRepository relations, BriefUsers users) {
		this.relations = relations;
		this.users = users;
	}

	PageResult<ListedUser> followings(long userId, Long viewerId, PageQuery page) {
		return listed(userId, page,
				this.relations.followings(userId, viewerId, page.offset(), page.limitWithLookahead()));
	}

	PageResult<ListedUser> followers(long userId, Long viewerId, PageQuery page) {
		return listed(userId, page,
				this.relations.followers(userId, viewerId, page.offset(), page.limitWithLookahead()));
	}

	PageResult<BriefUser> blacklist(long userId, PageQuery page) {
		PageResult<Long> ids = PageResult.of(page,
				this.relations.blacklist(userId, page.offset(), page.limitWithLookahead()));
		Map<Long, BriefUser> users = brief(ids.list());
		return ids.map((id) -> users.getOrDefault(id, unsynced(id)));
	}

	private PageResult<ListedUser> listed(long userId, PageQuery page, List<RelationRepository.Listed> rows) {
		PageResult<RelationRepository.Listed> result = PageResult.of(page, rows);
		// Only an empty page costs a second look: rows mean the user has relations.
		if (result.list().isEmpty() && !this.relations.userExists(userId)) {
			throw ApiException.notFound("user not found");
		}
		Map<Long, BriefUser> users = brief(result.list().stream().map(RelationRepository.Listed::userId).toList());
		return result
			.map((row) -> ListedUser.of(users.getOrDefault(row.userId(), unsynced(row.userId())), row.followed()));
	}

	private Map<Long, BriefUser> brief(List<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.users.find(new LinkedHashSet<>(ids))
			.stream()
			.collect(Collectors.toMap((user) -> Long.parseLong(user.userID()), Function.identity()));
	}

	// A follower whose profile passport has not synced yet: listed, so pages keep their
	// size, with empty names until the sync arrives.
	private static BriefUser unsynced(long userId) {
		return new BriefUser(Long.toString(userId), null, "", "");
	}

	/** A brief user plus whether the viewer follows them (false for anonymous). */
	record ListedUser(String userID, String username, String nickname, String avatarUrl, boolean followed) {

		static ListedUser of(BriefUser user, boolean followed) {
			return new ListedUser(user.userID(), user.username(), user.nickname(), user.avatarUrl(), followed);
		}

	}

}
