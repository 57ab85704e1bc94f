package com.contentsuite.user.verification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import com.contentsuite.common.web.Times;
import com.contentsuite.user.profile.VerifiedFlag;
import com.contentsuite.user.verification.VerificationRepository.Sealed;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Real-name verification: validated, set once, one account per ID card. */
@Service
class VerificationService {

	private final VerificationRepository verifications;

	private final VerifiedFlag verifiedFlag;

	private final FieldCipher cipher;

	private final Clock clock;

	VerificationService(VerificationRepository verifications, VerifiedFlag verifiedFlag, FieldCipher cipher,
			Clock clock) {
		this.verifications = verifications;
		this.verifiedFlag = verifiedFlag;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Transactional
	void verify(long userId, VerificationRequest request) {
		if (request == null) {
			throw ApiException.args("request body is missing");
		}
		String realName = RealName.normalise(request.realName());
		String idCard = IdCardNumber.normalise(request.idCard(), LocalDate.now(this.clock));
		// Locks the profile row first: one user's submissions queue here, so a second one
		// sees the first one's row below.
		if (!this.verifiedFlag.markVerified(userId)) {
			throw ApiException.notFound("user not found");
		}
		if (this.verifications.exists(userId)) {
			throw alreadyVerified();
		}
		int version = this.cipher.activeVersion();
		Sealed row = new Sealed(this.cipher.seal(userId, realName), this.cipher.seal(userId, idCard), version, null);
		try {
			this.verifications.insert(userId, row, this.cipher.fingerprint(idCard),
					Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS));
		}
		catch (DuplicateKeyException ex) {
			// The user's own row is excluded above (under the profile lock), so the
			// unique
			// fingerprint refused it: the card verifies another account, committed or
			// not.
			throw new ApiException(ErrorCode.DUPLICATE_KEY, "idCard already verifies another account");
		}
	}

	VerificationView view(long userId) {
		return this.verifications.find(userId)
			.map((row) -> new VerificationView(true,
					RealName.mask(this.cipher.open(userId, row.keyVersion(), row.realName())),
					IdCardNumber.mask(this.cipher.open(userId, row.keyVersion(), row.idCard())),
					Times.format(row.submitTime())))
			.orElse(VerificationView.NOT_VERIFIED);
	}

	private static ApiException alreadyVerified() {
		return new ApiException(ErrorCode.DUPLICATE_KEY, "real-name verification is already done");
	}

}
