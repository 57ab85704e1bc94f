package com.contentsuite.testsupport;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ApiDocument} against small documents: each check reports its defect (rather than
 * throwing on it), and the contract's one answer outside the envelope passes.
 */
class ApiDocumentTests {

	private static final String ERRORS = """
			"x-error-codes": [1001],
			"responses": {
			  "200": %s,
			  "400": {"description": "bad", "content": {"application/json": {
			    "schema": {"$ref": "#/components/schemas/ErrorEnvelope"},
			    "examples": {"1001": {"value": {"errCode": 1001, "errMsg": "ArgsError", "errDlt": ""}}}}}}
			}""";

	private static final String HEADER = """
			"parameters": [{"name": "operationID", "in": "header", "schema": {"type": "string"}}],""";

	private static final String ENVELOPE_200 = """
			{"description": "ok", "content": {"application/json": {
			  "schema": {"$ref": "#/components/schemas/Ok"},
			  "example": {"errCode": 0, "errMsg": "", "errDlt": "", "data": {}}}}}""";

	private static List<String> problemsOf(String path, String method, String operation) {
		String json = """
				{"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
				 "paths": {"%s": {"%s": {%s}}},
				 "components": {"schemas": {
				   "ErrorEnvelope": {"type": "object", "properties": {"errCode": {"type": "integer"},
				     "errMsg": {"type": "string"}, "errDlt": {"type": "string"}}},
				   "Ok": {"type": "object", "properties": {"errCode": {"type": "integer"},
				     "errMsg": {"type": "string"}, "errDlt": {"type": "string"}, "data": {"type": "object"}}}}}}
				""".formatted(path, method, operation);
		return ApiDocument.parse(json).problems();
	}

	@Test
	void aRouteThatKeepsEveryPromiseHasNoProblem() {
		assertEquals(List.of(), problemsOf("/things", "get", HEADER + ERRORS.formatted(ENVELOPE_200)));
	}

	@Test
	void aJsonAnswerThatIsNotAnEnvelopeIsReportedNotThrown() {
		String text = """
				{"description": "ok", "content": {"application/json": {
				  "schema": {"type": "string", "format": "byte"}, "example": "text"}}}""";
		List<String> problems = problemsOf("/image", "get", HEADER + ERRORS.formatted(text));
		assertTrue(problems.stream().anyMatch((p) -> p.startsWith("GET /image: the 200 example is not an envelope")),
				problems::toString);
		assertTrue(problems.contains("GET /image: 200 schema is not the envelope"), problems::toString);
	}

	@Test
	void anImageAnswerNeedsNoEnvelope() {
		String png = """
				{"description": "ok", "content": {"image/png": {"schema": {"type": "string", "format": "binary"}}}}""";
		assertEquals(List.of(), problemsOf("/image", "get", HEADER + ERRORS.formatted(png)));
	}

	@Test
	void theJwkSetIsTheOneJsonAnswerOutsideTheEnvelope() {
		String jwks = """
				{"description": "ok", "content": {"application/json": {
				  "schema": {"type": "object"}, "example": {"keys": []}}}}""";
		assertEquals(List.of(), problemsOf("/passport/jwks", "get", HEADER + ERRORS.formatted(jwks)));
		List<String> elsewhere = problemsOf("/keys", "get", HEADER + ERRORS.formatted(jwks));
		assertTrue(elsewhere.contains("GET /keys: 200 schema is not the envelope"), elsewhere::toString);
	}

	@Test
	void aSpringPatternIsNotAPath() {
		List<String> problems = problemsOf("/files/**", "get", HEADER + ERRORS.formatted(ENVELOPE_200));
		assertEquals(List.of("/files/** is a pattern, not a path a client can send"), problems);
	}

	@Test
	void aFileInsideAJsonBodyIsReported() {
		String body = """
				"requestBody": {"content": {"application/json": {"schema": {"type": "object",
				  "properties": {"avatar": {"type": "array", "items": {"type": "string", "format": "binary"}}}}}}},""";
		List<String> problems = problemsOf("/avatar", "post", HEADER + body + ERRORS.formatted(ENVELOPE_200));
		assertEquals(List.of("POST /avatar: a JSON request body with a file in it (a multipart upload?)"), problems);
	}

	@Test
	void listsTheErrorCodesOfARoute() {
		String json = """
				{"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
				 "paths": {"/a": {"get": {"x-error-codes": [500, 1001, 1302], "responses": {"200": {"description": "ok"}}}}}}
				""";
		assertEquals(java.util.Set.of(500, 1001, 1302), ApiDocument.parse(json).errorCodes("GET", "/a"));
	}

}
