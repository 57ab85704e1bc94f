package com.contentsuite.passport.captcha;

import java.net.http.HttpResponse;
import java.util.Map;

import com.contentsuite.passport.PassportClient.Answer;
import com.contentsuite.passport.PassportIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaptchaEndpointIntegrationTests extends PassportIntegrationTest {

	private HttpResponse<byte[]> image(String query) {
		return client.exchange(client.request("GET", "/passport/image_code" + query, null, null, Map.of()),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void answersAnUncachedPngAndKeepsTheLowerCaseAnswerForFiveMinutes() {
		HttpResponse<byte[]> response = image("?cur_id=abcdef-12345");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(response.body()).startsWith(0x89, 'P', 'N', 'G');
		String key = namespace.key("passport:captcha:abcdef-12345");
		assertThat(redis.opsForValue().get(key)).matches("[a-z0-9]{4}");
		assertThat(redis.getExpire(key)).isBetween(290L, 300L);
	}

	@Test
	void theNextImageForgetsThePreviousAnswer() {
		image("?cur_id=previous-0001");
		image("?cur_id=current-0001&pre_id=previous-0001");
		assertThat(redis.hasKey(namespace.key("passport:captcha:previous-0001"))).isFalse();
		assertThat(redis.hasKey(namespace.key("passport:captcha:current-0001"))).isTrue();
	}

	@Test
	void aMissingOrMalformedIdIsAnArgumentError() {
		for (String query : new String[] { "", "?cur_id=short", "?cur_id=has_underscore_1", "?cur_id=" + "a".repeat(65),
				"?cur_id=valid-id-1&pre_id=bad!" }) {
			Answer answer = client.send(client.request("GET", "/passport/image_code" + query, null, null, Map.of()));
			assertThat(answer.status()).as(query).isEqualTo(400);
			assertThat(answer.errCode()).as(query).isEqualTo(1001);
		}
	}

}
