package com.contentsuite.userclient;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.Ids;
import com.contentsuite.userclient.UserServiceClient.BriefList;
import com.contentsuite.userclient.UserServiceClient.IdsBody;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brief users a page embeds, from one {@code POST /internal/users/batch} per 100
 * distinct users (user-service's batch limit). When user-service cannot answer, the page
 * still does, with empty names (docs/api.md section 1).
 */
public class BriefUsers {

	static final int BATCH_LIMIT = 100;

	private static final Logger log = LoggerFactory.getLogger(BriefUsers.class);

	private final UserServiceClient users;

	BriefUsers(UserServiceClient users) {
		this.users = users;
	}

	/** A brief user for every ID asked, known or not. */
	public Map<Long, BriefUser> of(Collection<Long> userIds) {
		List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(userIds));
		Map<Long, BriefUser> found = new HashMap<>();
		for (int from = 0; from < distinct.size(); from += BATCH_LIMIT) {
			List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + BATCH_LIMIT));
			try {
				ApiResponse<BriefList> answer = this.users
					.batch(new IdsBody(chunk.stream().map(String::valueOf).toList()));
				for (BriefUser user : answer.data().list()) {
					Long id = Ids.tryParse(user.userID());
					if (id == null) {
						throw new IllegalStateException("user-service answered a user ID that is none");
					}
					found.put(id, user);
				}
			}
			catch (RuntimeException ex) {
				// A malformed answer (no data, an ID that is no number) lands here too.
				log.warn("Brief users unavailable, answering empty names: {}", ex.toString());
			}
		}
		Map<Long, BriefUser> all = new HashMap<>();
		for (Long id : distinct) {
			all.put(id, found.getOrDefault(id, BriefUser.unknown(id)));
		}
		return all;
	}

	public BriefUser of(long userId) {
		return of(List.of(userId)).get(userId);
	}

}
