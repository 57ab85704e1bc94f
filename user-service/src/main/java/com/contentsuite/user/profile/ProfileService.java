package com.contentsuite.user.profile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.contentsuite.common.web.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and edits profiles. */
@Service
class ProfileService {

	private final ProfileRepository profiles;

	private final ProfileReads reads;

	private final ProfileRelations relations;

	private final Clock clock;

	ProfileService(ProfileRepository profiles, ProfileReads reads, ProfileRelations relations, Clock clock) {
		this.profiles = profiles;
		this.reads = reads;
		this.relations = relations;
		this.clock = clock;
	}

	OwnProfile own(long userId) {
		return OwnProfile.of(read(userId), this.relations.summarize(userId, null));
	}

	PublicProfile view(long userId, Long viewerId) {
		ProfileRow profile = read(userId);
		return PublicProfile.of(profile, this.relations.summarize(userId, viewerId), viewerId != null);
	}

	@Transactional
	OwnProfile update(long userId, ProfileUpdate update) {
		LocalDate birthDate = (update.birthDate() != null)
				? BirthDates.parse(update.birthDate(), LocalDate.now(this.clock)) : null;
		UserProfile profile = find(userId);
		if (update.nickname() != null) {
			profile.changeNickname(update.nickname());
		}
		if (update.signature() != null) {
			profile.changeSignature(update.signature());
		}
		if (update.sex() != null) {
			profile.changeSex(update.sex());
		}
		if (birthDate != null) {
			profile.changeBirthDate(birthDate);
		}
		// DATETIME(3) keeps milliseconds; truncating here keeps memory and row equal.
		profile.touch(Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS));
		return OwnProfile.of(profile.row(), this.relations.summarize(userId, null));
	}

	// A user passport has not synced yet has no profile here, /users/me included.
	private ProfileRow read(long userId) {
		return this.reads.find(userId).orElseThrow(() -> ApiException.notFound("user not found"));
	}

	private UserProfile find(long userId) {
		return this.profiles.findById(userId).orElseThrow(() -> ApiException.notFound("user not found"));
	}

}
