package com.contentsuite.moments.people;

import java.util.Collection;
import java.util.Map;

import com.contentsuite.userclient.BriefUser;
import com.contentsuite.userclient.BriefUsers;

import org.springframework.stereotype.Service;

/**
 * The brief users a page embeds, in one batch call per page; with user-service down the
 * page still answers, with empty names (docs/api.md section 1).
 */
@Service
public class People {

	private final BriefUsers users;

	People(BriefUsers users) {
		this.users = users;
	}

	/** A brief user for every ID asked, known or not. */
	public Map<Long, BriefUser> of(Collection<Long> userIds) {
		return userIds.isEmpty() ? Map.of() : this.users.of(userIds);
	}

}
