package com.contentsuite.common.tomcat;

import com.contentsuite.common.operation.OperationId;
import com.contentsuite.common.tomcat.RawHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat refuses before any filter or servlet runs still answers the envelope, with
 * {@code nosniff} and an operationID (docs/api.md section 6, protocol refusals).
 */
@SpringBootTest(classes = SampleServletApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "suite.internal-auth.open-paths=" + SampleServletApplication.PING)
class ProtocolRefusalsTests {

	private static final String BAD_REQUEST = "{\"errCode\":1001,\"errMsg\":\"ArgsError\",\"errDlt\":\"bad request\"}";

	@LocalServerPort
	private int port;

	@Test
	void anIllegalCharacterInTheQueryIsTheEnvelopeWithAMintedOperationId() {
		// The request line fails, so Tomcat never reads the operationID header.
		Answer answer = send("GET /passport/image_code?cur_id[]=abcdefghij HTTP/1.1\r\nHost: x\r\n"
				+ "operationID: op-query-1\r\nConnection: close\r\n\r\n");

		assertEnvelope(answer, 400, BAD_REQUEST);
		assertThat(OperationId.isValid(answer.header(OperationId.HEADER))).isTrue();
	}

	@Test
	void anInvalidlyEncodedPathIsTheEnvelopeWithTheRequestsOperationId() {
		Answer answer = send("GET /files/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd HTTP/1.1\r\nHost: x\r\n"
				+ "operationID: op-files-1\r\nConnection: close\r\n\r\n");

		assertEnvelope(answer, 400, BAD_REQUEST);
		assertThat(answer.header(OperationId.HEADER)).isEqualTo("op-files-1");
	}

	@Test
	void tooManyHeadersIsTheEnvelope() {
		StringBuilder headers = new StringBuilder();
		for (int i = 0; i < 400; i++) {
			headers.append("X-Header-").append(i).append(": v\r\n");
		}

		Answer answer = send("GET /ping HTTP/1.1\r\nHost: x\r\n" + headers + "Connection: close\r\n\r\n");

		assertEnvelope(answer, 400, BAD_REQUEST);
	}

	@ParameterizedTest
	@ValueSource(strings = { "GARBAGE\r\n\r\n", "GET /ping HTTP/1.1\r\nConnection: close\r\n\r\n",
			"GET /ping HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n",
			"GET /a%2fb HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
			"GET /a/../../b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
			"GET /ping HTTP/1.1\r\nHost: x\r\nBad Header: v\r\nConnection: close\r\n\r\n" })
	void otherMalformedRequestsAreTheEnvelope(String request) {
		Answer answer = send(request);

		assertEnvelope(answer, 400, BAD_REQUEST);
		assertThat(OperationId.isValid(answer.header(OperationId.HEADER))).isTrue();
	}

	@Test
	void anUnsupportedHttpVersionKeepsTomcatsStatus() {
		Answer answer = send("GET /ping HTTP/2.5\r\nHost: x\r\nConnection: close\r\n\r\n");

		assertEnvelope(answer, 505,
				"{\"errCode\":500,\"errMsg\":\"ServerInternalError\",\"errDlt\":\"server internal error\"}");
	}

	@Test
	void anInvalidOperationIdIsReplacedByAMintedOne() {
		Answer answer = send(
				"GET /files/%c0%ae HTTP/1.1\r\nHost: x\r\noperationID: bad id!\r\nConnection: close\r\n\r\n");

		assertEnvelope(answer, 400, BAD_REQUEST);
		assertThat(answer.header(OperationId.HEADER)).startsWith("gen-");
	}

	@Test
	void aWellFormedRequestIsStillServedBySpring() {
		Answer answer = send("GET /ping HTTP/1.1\r\nHost: x\r\noperationID: op-ok\r\nConnection: close\r\n\r\n");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("pong");
		assertThat(answer.header(OperationId.HEADER)).isEqualTo("op-ok");
	}

	private Answer send(String request) {
		return RawHttp.exchange(this.port, request);
	}

	private static void assertEnvelope(Answer answer, int status, String body) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).isEqualTo("application/json");
		assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(answer.header(OperationId.HEADER)).isNotNull();
		assertThat(answer.body()).isEqualTo(body);
	}

}
