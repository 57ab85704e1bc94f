package com.contentsuite.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * A service's OpenAPI document read with the reference parser (which reports anything
 * that makes it invalid) and held to what the suite promises of every route: the
 * {@code operationID} header, a JSON success answer in the envelope with an example (the
 * JWK Set alone keeps its own shape), each listed error code answered under its HTTP
 * status with an example envelope, paths a client can send (no Spring pattern) and files
 * sent as multipart, never inside a JSON body.
 */
public final class ApiDocument {

	/**
	 * The JSON answers the contract keeps outside the envelope (docs/api.md section 1,
	 * "Envelope"): the JWK Set, so that standard verifiers can read it.
	 */
	private static final Set<String> NOT_ENVELOPED = Set.of("GET /passport/jwks");

	private final OpenAPI openApi;

	private ApiDocument(OpenAPI openApi) {
		this.openApi = openApi;
	}

	/**
	 * The service's {@code /v3/api-docs} as the gateway fetches it (signed), parsed; also
	 * written to {@code target/api-docs.json} for a reader. Fails unless it answers 200.
	 */
	public static ApiDocument fetch(ServiceApi api) {
		ServiceApi.Reply reply = api.get("/v3/api-docs", null);
		if (reply.status() != 200) {
			throw new AssertionError("/v3/api-docs answered " + reply.status() + ": " + reply.body());
		}
		try {
			java.nio.file.Files.writeString(java.nio.file.Path.of("target", "api-docs.json"), reply.body());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return parse(reply.body());
	}

	/** Parses {@code json}; fails on any message of the parser. */
	public static ApiDocument parse(String json) {
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		SwaggerParseResult result = new OpenAPIParser().readContents(json, null, options);
		if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
			throw new AssertionError("not a valid OpenAPI document: " + result.getMessages() + "\n" + json);
		}
		return new ApiDocument(result.getOpenAPI());
	}

	public OpenAPI openApi() {
		return this.openApi;
	}

	/** {@code "GET /articles/{articleID}"} for every operation of the document. */
	public Set<String> routes() {
		Set<String> routes = new TreeSet<>();
		this.openApi.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.keySet()
				.forEach((method) -> routes.add(method.name() + " " + path)));
		return routes;
	}

	public Operation operation(String method, String path) {
		PathItem item = this.openApi.getPaths().get(path);
		if (item == null) {
			throw new AssertionError(path + " is not in the document: " + routes());
		}
		Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
		if (operation == null) {
			throw new AssertionError(method + " " + path + " is not in the document: " + routes());
		}
		return operation;
	}

	/**
	 * The codes an operation lists in {@code x-error-codes}, empty when it lists none.
	 */
	public Set<Integer> errorCodes(String method, String path) {
		Operation operation = operation(method, path);
		Object codes = (operation.getExtensions() != null) ? operation.getExtensions().get("x-error-codes") : null;
		Set<Integer> found = new TreeSet<>();
		if (codes instanceof List<?> list) {
			list.forEach((code) -> found.add(Integer.valueOf(code.toString())));
		}
		return found;
	}

	/**
	 * Every problem of every operation against the suite's promises; empty when the
	 * document keeps them all.
	 */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.openApi.getComponents() == null || this.openApi.getComponents().getSchemas() == null
				|| !this.openApi.getComponents().getSchemas().containsKey("ErrorEnvelope")) {
			problems.add("no ErrorEnvelope schema");
		}
		this.openApi.getPaths().forEach((path, item) -> {
			if (path.startsWith("/internal") || path.equals("/error")) {
				problems.add(path + " is not a public route");
			}
			if (path.contains("*")) {
				problems.add(path + " is a pattern, not a path a client can send");
			}
			item.readOperationsMap().forEach((method, operation) -> {
				String route = method + " " + path;
				check(route, operation, problems);
			});
		});
		return problems;
	}

	private void check(String route, Operation operation, List<String> problems) {
		List<Parameter> parameters = (operation.getParameters() != null) ? operation.getParameters() : List.of();
		if (parameters.stream().noneMatch((p) -> "header".equals(p.getIn()) && "operationID".equals(p.getName()))) {
			problems.add(route + ": no operationID header");
		}
		ApiResponse ok = operation.getResponses().get("200");
		if (ok == null || ok.getContent() == null || ok.getContent().isEmpty()) {
			problems.add(route + ": no 200 answer");
			return;
		}
		MediaType json = ok.getContent().get("application/json");
		if (json != null) {
			JsonNode example = (json.getExample() != null) ? Json.mapper().valueToTree(json.getExample()) : null;
			if (example == null) {
				problems.add(route + ": 200 without an example");
			}
			else if (NOT_ENVELOPED.contains(route)) {
				if (example.has("errCode")) {
					problems.add(route + ": the 200 example is an envelope, the contract's answer is not");
				}
			}
			else if (!example.isObject() || !example.has("errCode")) {
				problems.add(route + ": the 200 example is not an envelope: " + example);
			}
			Schema<?> schema = resolve(json.getSchema());
			if (!NOT_ENVELOPED.contains(route) && (schema == null || schema.getProperties() == null
					|| !schema.getProperties().keySet().containsAll(List.of("errCode", "errMsg", "errDlt")))) {
				problems.add(route + ": 200 schema is not the envelope");
			}
		}
		if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
			MediaType body = operation.getRequestBody().getContent().get("application/json");
			Schema<?> schema = (body != null) ? resolve(body.getSchema()) : null;
			if (schema != null && schema.getProperties() != null
					&& schema.getProperties()
						.values()
						.stream()
						.anyMatch((property) -> "binary".equals(property.getFormat())
								|| (property.getItems() != null && "binary".equals(property.getItems().getFormat())))) {
				problems.add(route + ": a JSON request body with a file in it (a multipart upload?)");
			}
		}
		Object codes = (operation.getExtensions() != null) ? operation.getExtensions().get("x-error-codes") : null;
		if (!(codes instanceof List<?> list) || list.isEmpty()) {
			problems.add(route + ": no x-error-codes");
			return;
		}
		for (Object code : list) {
			boolean answered = operation.getResponses().values().stream().anyMatch((response) -> {
				MediaType media = (response.getContent() != null) ? response.getContent().get("application/json")
						: null;
				return media != null && media.getExamples() != null && media.getExamples().containsKey(code.toString());
			});
			if (!answered) {
				problems.add(route + ": error code " + code + " has no answer with an example");
			}
		}
	}

	private Schema<?> resolve(Schema<?> schema) {
		if (schema == null || schema.get$ref() == null) {
			return schema;
		}
		String ref = schema.get$ref();
		return this.openApi.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
	}

}
