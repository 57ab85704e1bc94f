package com.contentsuite.common.idempotency;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The buffered body reads the same however a handler reads it, as often as it likes. */
class BufferedBodyRequestTests {

	private static final String BODY = "{\"username\":\"alice\"}";

	@Test
	void theBodyIsKeptAndCanBeReadAgain() throws IOException {
		BufferedBodyRequest request = new BufferedBodyRequest(original());

		assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(BODY);
		assertThat(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(BODY);
		assertThat(request.getReader().readLine()).isEqualTo(BODY);
	}

	@Test
	void aNonBlockingReaderIsToldItCanReadAndThenThatAllWasRead() throws IOException {
		ServletInputStream in = new BufferedBodyRequest(original()).getInputStream();
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		List<String> calls = new ArrayList<>();

		in.setReadListener(new ReadListener() {

			@Override
			public void onDataAvailable() throws IOException {
				calls.add("available");
				byte[] buffer = new byte[4];
				while (in.isReady() && !in.isFinished()) {
					read.write(buffer, 0, in.read(buffer, 0, buffer.length));
				}
			}

			@Override
			public void onAllDataRead() {
				calls.add("all read");
			}

			@Override
			public void onError(Throwable failure) {
				calls.add("error " + failure);
			}

		});

		assertThat(calls).containsExactly("available", "all read");
		assertThat(read.toString(StandardCharsets.UTF_8)).isEqualTo(BODY);
	}

	private static MockHttpServletRequest original() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/passport/register");
		request.setContent(BODY.getBytes(StandardCharsets.UTF_8));
		request.setCharacterEncoding("UTF-8");
		return request;
	}

}
