package com.contentsuite.user.brief;

import java.util.Collection;
import java.util.List;

import com.contentsuite.user.profile.UserProfile;

import org.springframework.data.repository.Repository;

interface BriefUserRepository extends Repository<UserProfile, Long> {

	List<BriefUserRow> findByUserIdIn(Collection<Long> userIds);

}
