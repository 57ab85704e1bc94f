package com.contentsuite.user.avatar;

import java.net.http.HttpResponse;

import com.contentsuite.testsupport.QiniuStub;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.testsupport.TestImages;
import com.contentsuite.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service with {@code user.storage.type=qiniu}, its upload host a local stub. The
 * failure runs first, so the success also shows that a failed upload does not block later
 * ones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QiniuAvatarIntegrationTests extends UserServiceIntegrationTest {

	private static final QiniuStub STUB = new QiniuStub();

	@LocalServerPort
	private int port;

	@Value("${suite.internal-auth.secret}")
	private String secret;

	private Uploads uploads;

	@DynamicPropertySource
	static void qiniu(DynamicPropertyRegistry registry) {
		registry.add("user.storage.type", () -> "qiniu");
		registry.add("user.storage.qiniu.access-key", () -> "it-access-key");
		registry.add("user.storage.qiniu.secret-key", () -> "it-secret-key");
		registry.add("user.storage.qiniu.bucket", () -> "it-bucket");
		registry.add("user.storage.qiniu.domain", () -> "https://img.example.com/");
		registry.add("user.storage.qiniu.upload-host", STUB::url);
	}

	@AfterAll
	static void stopStub() {
		STUB.close();
	}

	@BeforeEach
	void uploads() {
		this.uploads = new Uploads(this.port, this.secret);
	}

	@Test
	@Order(1)
	void anUploadHostFailureAnswers1006AndLeavesTheProfileUnchanged() {
		long userId = syncedUser();
		STUB.answer(502);
		try {
			Reply reply = this.uploads.avatar(userId, "avatar", "a.png", "image/png", TestImages.png(6, 6));

			assertThat(reply.status()).as(reply.body()).isEqualTo(503);
			assertThat(reply.errCode()).isEqualTo(1006);
			assertThat(reply.json().has("data")).isFalse();
			assertThat(this.api.get("/users/me", userId).data().get("avatarUrl").stringValue()).isEmpty();
		}
		finally {
			STUB.answer(200);
		}
	}

	@Test
	@Order(2)
	void storesThroughQiniuAndSetsDomainPlusKeyOnTheProfile() {
		long userId = syncedUser();
		int before = STUB.uploads().size();

		Reply reply = this.uploads.avatar(userId, "avatar", "a.png", "image/png", TestImages.png(6, 6));

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		String url = reply.data().get("avatarUrl").stringValue();
		assertThat(url).matches("https://img\\.example\\.com/avatars/" + userId + "/[0-9a-f]{64}\\.png");
		assertThat(this.api.get("/users/me", userId).data().get("avatarUrl").stringValue()).isEqualTo(url);
		assertThat(STUB.uploads()).hasSize(before + 1);
		String upload = STUB.uploads().get(before);
		assertThat(upload).contains("it-access-key:").contains(url.substring("https://img.example.com/".length()));
	}

	@Test
	@Order(3)
	void servesNoLocalFiles() {
		HttpResponse<byte[]> response = this.uploads.file("/files/avatars/1/" + "0".repeat(64) + ".png");

		assertThat(response.statusCode()).isEqualTo(404);
	}

}
