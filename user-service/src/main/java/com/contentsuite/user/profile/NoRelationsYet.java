package com.contentsuite.user.profile;

import org.springframework.stereotype.Component;

/**
 * Follow relations do not exist in this service yet, so nobody follows anyone: counts are
 * 0 and {@code followed} is false. The follow feature replaces this bean with one backed
 * by its rows.
 */
@Component
class NoRelationsYet implements ProfileRelations {

	@Override
	public RelationSummary summarize(long userId, Long viewerId) {
		return RelationSummary.NONE;
	}

}
