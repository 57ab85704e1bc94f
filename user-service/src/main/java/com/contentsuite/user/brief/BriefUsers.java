package com.contentsuite.user.brief;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * Brief users by ID, one query for the whole batch; public for features that list users
 * (relations).
 */
@Service
public class BriefUsers {

	private final BriefUserRepository users;

	BriefUsers(BriefUserRepository users) {
		this.users = users;
	}

	/** In the order of {@code userIds}; unknown IDs are left out. */
	public List<BriefUser> find(LinkedHashSet<Long> userIds) {
		Map<Long, BriefUserRow> rows = this.users.findByUserIdIn(userIds)
			.stream()
			.collect(Collectors.toMap(BriefUserRow::getUserId, Function.identity()));
		return userIds.stream()
			.map(rows::get)
			.filter(Objects::nonNull)
			.map((row) -> new BriefUser(row.getUserId().toString(), row.getUsername(), row.getNickname(),
					row.getAvatarUrl()))
			.toList();
	}

}
