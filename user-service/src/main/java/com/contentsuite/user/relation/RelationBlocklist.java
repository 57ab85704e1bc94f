package com.contentsuite.user.relation;

import com.contentsuite.user.notification.Blocklist;

import org.springframework.stereotype.Component;

/** The blacklist as the notifications ask it. */
@Component
class RelationBlocklist implements Blocklist {

	private final RelationRepository relations;

	RelationBlocklist(RelationRepository relations) {
		this.relations = relations;
	}

	@Override
	public boolean blocks(long owner, long actor) {
		return this.relations.blacklisted(owner, actor);
	}

}
