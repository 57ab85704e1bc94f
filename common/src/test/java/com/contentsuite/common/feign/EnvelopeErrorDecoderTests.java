package com.contentsuite.common.feign;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ErrorCode;
import feign.Request;
import feign.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeErrorDecoderTests {

	private final EnvelopeErrorDecoder decoder = new EnvelopeErrorDecoder();

	@Test
	void aSiblingsEnvelopeKeepsItsCodeAndDetail() {
		Exception ex = decode(404,
				"{\"errCode\":1004,\"errMsg\":\"RecordNotFoundError\",\"errDlt\":\"user not found\"}");
		assertThat(ex).isInstanceOf(ApiException.class);
		assertThat(((ApiException) ex).code()).isEqualTo(ErrorCode.RECORD_NOT_FOUND);
		assertThat(((ApiException) ex).detail()).isEqualTo("user not found");
	}

	@Test
	void aServerErrorOrANonEnvelopeMeansUnavailable() {
		assertThat(((ApiException) decode(500, "{\"errCode\":500}")).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
		assertThat(((ApiException) decode(400, "<html>")).code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
	}

	private Exception decode(int status, String body) {
		Request request = Request.create(Request.HttpMethod.GET, "http://user-service/internal/x", Map.of(), null,
				StandardCharsets.UTF_8, null);
		Response response = Response.builder()
			.status(status)
			.request(request)
			.headers(Map.of())
			.body(body, StandardCharsets.UTF_8)
			.build();
		return this.decoder.decode("Client#call()", response);
	}

}
