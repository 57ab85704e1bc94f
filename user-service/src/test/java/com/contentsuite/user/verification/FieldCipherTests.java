package com.contentsuite.user.verification;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FieldCipherTests {

	private static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String KEY_2 = Base64.getEncoder().encodeToString(filled(32, 2));

	private static final String HMAC_KEY = Base64.getEncoder().encodeToString(filled(48, 7));

	private final FieldCipher cipher = new FieldCipher(new VerificationProperties(Map.of(1, KEY_1), 1, HMAC_KEY));

	@Test
	void roundTrips() {
		String sealed = this.cipher.seal(42, "欧阳娜娜");

		assertThat(sealed).doesNotContain("欧阳娜娜");
		assertThat(this.cipher.open(42, 1, sealed)).isEqualTo("欧阳娜娜");
	}

	@Test
	void usesAFreshIvForEveryValue() {
		String first = this.cipher.seal(42, "110101199003071233");
		String second = this.cipher.seal(42, "110101199003071233");

		assertThat(first).isNotEqualTo(second);
		assertThat(Base64.getDecoder().decode(first)).hasSize(12 + 18 + 16);
		assertThat(java.util.Arrays.copyOf(Base64.getDecoder().decode(first), 12))
			.isNotEqualTo(java.util.Arrays.copyOf(Base64.getDecoder().decode(second), 12));
	}

	@Test
	void bindsTheValueToItsUser() {
		String sealed = this.cipher.seal(42, "110101199003071233");

		assertThatIllegalStateException().isThrownBy(() -> this.cipher.open(43, 1, sealed))
			.withMessageNotContaining("110101199003071233");
	}

	@Test
	void refusesAChangedValue() {
		byte[] sealed = Base64.getDecoder().decode(this.cipher.seal(42, "张三"));
		sealed[sealed.length - 1] ^= 1;

		assertThatIllegalStateException()
			.isThrownBy(() -> this.cipher.open(42, 1, Base64.getEncoder().encodeToString(sealed)));
	}

	@Test
	void afterRotationEncryptsWithTheNewKeyAndStillDecryptsTheOld() {
		String old = this.cipher.seal(42, "张三");
		FieldCipher rotated = new FieldCipher(new VerificationProperties(Map.of(1, KEY_1, 2, KEY_2), 2, HMAC_KEY));

		String fresh = rotated.seal(42, "李四");

		assertThat(rotated.activeVersion()).isEqualTo(2);
		assertThat(rotated.open(42, 1, old)).isEqualTo("张三");
		assertThat(rotated.open(42, 2, fresh)).isEqualTo("李四");
		assertThatIllegalStateException().isThrownBy(() -> rotated.open(42, 1, fresh));
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.open(42, 2, fresh))
			.withMessage("no key of version 2 is configured");
	}

	@Test
	void fingerprintsWithTheHmacKeyOnly() {
		FieldCipher rotated = new FieldCipher(new VerificationProperties(Map.of(1, KEY_1, 2, KEY_2), 2, HMAC_KEY));
		FieldCipher otherHmac = new FieldCipher(new VerificationProperties(Map.of(1, KEY_1), 1, KEY_2));

		String fingerprint = this.cipher.fingerprint("110101199003071233");

		assertThat(fingerprint).hasSize(64).matches("[0-9a-f]+");
		assertThat(rotated.fingerprint("110101199003071233")).isEqualTo(fingerprint);
		assertThat(otherHmac.fingerprint("110101199003071233")).isNotEqualTo(fingerprint);
		assertThat(this.cipher.fingerprint("11010519491231002X")).isNotEqualTo(fingerprint);
	}

	@Test
	void derivesDevelopmentKeysFromTheirText() {
		FieldCipher dev = new FieldCipher(
				new VerificationProperties(Map.of(1, "dev-only-key-1"), 1, "dev-only-hmac-key"));

		assertThat(dev.open(7, 1, dev.seal(7, "张三"))).isEqualTo("张三");
		assertThat(dev.fingerprint("110101199003071233")).isNotEqualTo(this.cipher.fingerprint("110101199003071233"));
	}

	@Test
	void refusesKeysOfTheWrongSizeOrFormatWithoutShowingThem() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalStateException()
			.isThrownBy(() -> new FieldCipher(new VerificationProperties(Map.of(1, shortKey), 1, HMAC_KEY)))
			.withMessage("user.verification.keys.1 must be base64 of 32 bytes");
		assertThatIllegalStateException()
			.isThrownBy(() -> new FieldCipher(new VerificationProperties(Map.of(1, KEY_1), 1, shortKey)))
			.withMessage("user.verification.hmac-key must be base64 of at least 32 bytes");
		assertThatIllegalStateException()
			.isThrownBy(() -> new FieldCipher(new VerificationProperties(Map.of(1, "not base64!"), 1, HMAC_KEY)))
			.withMessage("user.verification.keys.1 is not base64");
		assertThatIllegalStateException()
			.isThrownBy(() -> new FieldCipher(new VerificationProperties(Map.of(1, KEY_1), 2, HMAC_KEY)))
			.withMessageContaining("active-key-version 2");
	}

	@Test
	void showsNoKeysInToString() {
		assertThat(new VerificationProperties(Map.of(1, KEY_2), 1, HMAC_KEY).toString()).doesNotContain(KEY_2)
			.doesNotContain(HMAC_KEY);
	}

	private static byte[] filled(int length, int value) {
		byte[] bytes = new byte[length];
		java.util.Arrays.fill(bytes, (byte) value);
		return bytes;
	}

}
