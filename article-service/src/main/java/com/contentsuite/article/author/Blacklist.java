package com.contentsuite.article.author;

import java.util.ArrayList;
import java.util.List;

import com.contentsuite.article.author.UserServiceClient.Pair;
import com.contentsuite.article.author.UserServiceClient.PairsBody;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;

import org.springframework.stereotype.Service;

/**
 * Whether authors have blacklisted the user about to engage with their content, in one
 * {@code POST /internal/users/blacklist/check}. When user-service cannot answer, the
 * write is refused with 1006: it cannot be known to be allowed.
 */
@Service
public class Blacklist {

	private final UserServiceClient users;

	Blacklist(UserServiceClient users) {
		this.users = users;
	}

	/**
	 * {@code 1302} when any of {@code owners} blacklisted {@code userId}; the user's own
	 * content needs no call.
	 */
	public void requireNotBlockedBy(List<Long> owners, long userId) {
		List<Pair> pairs = new ArrayList<>();
		for (Long owner : owners) {
			if (owner != userId && pairs.stream().noneMatch((pair) -> pair.owner().equals(owner.toString()))) {
				pairs.add(new Pair(owner.toString(), Long.toString(userId)));
			}
		}
		if (pairs.isEmpty()) {
			return;
		}
		if (blocked(pairs)) {
			throw new ApiException(ErrorCode.BLOCKED_BY_PEER, "you have been blacklisted by this author");
		}
	}

	/**
	 * Any refusal of user-service (an outage, or a 4xx such as a signature it does not
	 * accept) means the answer is unknown here: 1006, never user-service's own code.
	 */
	private boolean blocked(List<Pair> pairs) {
		UserServiceClient.Blocked answer;
		try {
			answer = this.users.blacklisted(new PairsBody(pairs)).data();
		}
		catch (RuntimeException ex) {
			throw ApiException.unavailable("a dependency is unavailable, try again later");
		}
		if (answer == null || answer.blocked() == null) {
			throw ApiException.unavailable("a dependency answered unexpectedly");
		}
		return !answer.blocked().isEmpty();
	}

}
