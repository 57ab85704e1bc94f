package com.contentsuite.images;

import java.io.IOException;
import java.net.ServerSocket;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.testsupport.QiniuStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class QiniuImageStorageTests {

	private static final String KEY = "avatars/7/" + "b".repeat(64) + ".png";

	private final QiniuStub stub = new QiniuStub();

	@AfterEach
	void stop() {
		this.stub.close();
	}

	private static ImageStorageProperties.Qiniu properties(String uploadHost) {
		ImageStorageProperties.Qiniu properties = new ImageStorageProperties().getQiniu();
		properties.setAccessKey("test-access-key");
		properties.setSecretKey("test-secret-key");
		properties.setBucket("avatars-bucket");
		properties.setDomain("https://cdn.example.com");
		properties.setUploadHost(uploadHost);
		return properties;
	}

	@Test
	void uploadsWithATokenForTheBucketAndKeyAndAnswersDomainPlusKey() {
		QiniuImageStorage storage = new QiniuImageStorage(properties(this.stub.url()), "user.storage");

		String url = storage.store(KEY, "PIXELS-123".getBytes(), "image/png");

		assertThat(url).isEqualTo("https://cdn.example.com/" + KEY);
		assertThat(this.stub.uploads()).hasSize(1);
		String upload = this.stub.uploads().get(0);
		assertThat(upload).startsWith("POST /").contains("multipart/form-data");
		// The upload token: access key, signature, encoded put policy naming bucket and
		// key.
		assertThat(upload)
			.containsPattern("name=\"token\"\\r\\n(?:[^\\r\\n]*\\r\\n)*\\r\\ntest-access-key:[^\\r\\n]+:");
		assertThat(upload).contains("name=\"key\"").contains(KEY);
		assertThat(upload).contains("PIXELS-123").contains("image/png");
	}

	@Test
	void answers1006WhenTheUploadHostFails() {
		this.stub.answer(503);
		QiniuImageStorage storage = new QiniuImageStorage(properties(this.stub.url()), "user.storage");

		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> storage.store(KEY, new byte[] { 1 }, "image/png"))
			.satisfies((ex) -> {
				assertThat(ex.httpStatus()).isEqualTo(503);
				assertThat(ex.code().code()).isEqualTo(1006);
			});
	}

	@Test
	void answers1006WhenTheUploadHostIsDown() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		QiniuImageStorage storage = new QiniuImageStorage(properties("http://127.0.0.1:" + closedPort), "user.storage");

		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> storage.store(KEY, new byte[] { 1 }, "image/png"))
			.satisfies((ex) -> assertThat(ex.code().code()).isEqualTo(1006));
	}

	@Test
	void refusesToStartWithoutItsSecrets() {
		ImageStorageProperties.Qiniu properties = properties(this.stub.url());
		properties.setSecretKey("");

		assertThatIllegalStateException().isThrownBy(() -> new QiniuImageStorage(properties, "user.storage"))
			.withMessageContaining("QINIU_SECRET_KEY")
			.withMessageContaining("user.storage.qiniu.secret-key");
	}

}
