package com.contentsuite.user.profile;

import java.util.Optional;

import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Profiles by their primary key; rows are only ever created by the account sync. */
public interface ProfileRepository extends Repository<UserProfile, Long> {

	// SUPPORTS instead of the inherited read-only transaction: a plain read then costs
	// one
	// primary-key SELECT on an autocommit connection (no transaction set-up round trips),
	// and inside an edit it still joins the caller's transaction.
	@Transactional(propagation = Propagation.SUPPORTS)
	Optional<UserProfile> findById(Long userId);

}
