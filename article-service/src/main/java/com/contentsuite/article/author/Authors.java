package com.contentsuite.article.author;

import java.util.Collection;
import java.util.Map;

import com.contentsuite.userclient.BriefUser;
import com.contentsuite.userclient.BriefUsers;

import org.springframework.stereotype.Service;

/**
 * The brief users a page embeds (user-client: one batch call per page, empty names when
 * user-service cannot answer). Here so that {@code author} stays the one feature that
 * reaches user-service.
 */
@Service
public class Authors {

	private final BriefUsers users;

	Authors(BriefUsers users) {
		this.users = users;
	}

	/** A brief user for every ID asked, known or not. */
	public Map<Long, BriefUser> of(Collection<Long> userIds) {
		return this.users.of(userIds);
	}

	public BriefUser of(long userId) {
		return this.users.of(userId);
	}

}
