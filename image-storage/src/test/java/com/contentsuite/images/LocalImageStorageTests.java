package com.contentsuite.images;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LocalImageStorageTests {

	private static final String HASH = "a".repeat(64);

	private static final ImageKeys AVATARS = ImageKeys.of("avatars");

	@TempDir
	Path directory;

	@Test
	void writesTheFileUnderItsKeyAndAnswersTheBaseUrlPlusKey() throws Exception {
		LocalImageStorage storage = new LocalImageStorage(this.directory, "http://gw.example/files", AVATARS);
		String key = "avatars/7/" + HASH + ".png";

		String url = storage.store(key, new byte[] { 1, 2, 3 }, "image/png");

		assertThat(url).isEqualTo("http://gw.example/files/" + key);
		assertThat(Files.readAllBytes(this.directory.resolve(key))).containsExactly(1, 2, 3);
		assertThat(storage.resolve(key)).isEqualTo(this.directory.resolve(key).toAbsolutePath().normalize());
		try (var files = Files.list(this.directory.resolve("avatars/7"))) {
			assertThat(files).hasSize(1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "../x", "avatars/7/../../x", "avatars/7/" + "a" + ".png", "/etc/passwd",
			"avatars/7/%2e%2e/" + "a", "avatars/07/aaaa.png", "avatars/7/AAAA.png", "avatars/7/x.svg", "",
			"avatars\\7\\x.png" })
	void resolvesNothingButGeneratedKeys(String key) {
		LocalImageStorage storage = new LocalImageStorage(this.directory, "http://gw.example/files/", AVATARS);

		assertThat(storage.resolve(key)).isNull();
		assertThat(storage.resolve(null)).isNull();
		assertThat(storage.resolve("avatars/7/" + HASH + ".png/../../../x")).isNull();
		assertThat(AVATARS.isKey("avatars/7/" + HASH + ".svg")).isFalse();
	}

}
