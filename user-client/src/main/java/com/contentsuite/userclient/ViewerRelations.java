package com.contentsuite.userclient;

import java.util.Set;

/**
 * Which of the owners asked the viewer follows, and which have blacklisted the viewer.
 */
public record ViewerRelations(Set<Long> following, Set<Long> blockedBy) {

	public ViewerRelations {
		following = Set.copyOf(following);
		blockedBy = Set.copyOf(blockedBy);
	}

	static ViewerRelations none() {
		return new ViewerRelations(Set.of(), Set.of());
	}

}
