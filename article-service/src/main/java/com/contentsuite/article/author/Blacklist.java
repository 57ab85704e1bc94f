package com.contentsuite.article.author;

import java.util.List;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.userclient.Relations;

import org.springframework.stereotype.Service;

/**
 * The article rule on top of user-client's blacklist check: a user whom an author (of the
 * article, or of the comment replied to) blacklisted does not engage with their content.
 * When user-service cannot answer, the write is refused with 1006 (Relations): it cannot
 * be known to be allowed.
 */
@Service
public class Blacklist {

	private final Relations relations;

	Blacklist(Relations relations) {
		this.relations = relations;
	}

	/**
	 * {@code 1302} when any of {@code owners} blacklisted {@code userId}; the user's own
	 * content needs no call.
	 */
	public void requireNotBlockedBy(List<Long> owners, long userId) {
		if (!this.relations.blockedBy(userId, owners).isEmpty()) {
			throw new ApiException(ErrorCode.BLOCKED_BY_PEER, "you have been blacklisted by this author");
		}
	}

}
