package com.contentsuite.common.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * An example for every JSON request body and success answer, built from its schema once
 * the document is complete, so that Swagger UI, Postman and a reader see a plausible
 * envelope per route without a hand-written example that could drift from the records.
 * Values follow the field's name where the suite has a convention for it (identifiers end
 * in {@code ID} and are strings of digits, times are ISO-8601 UTC with milliseconds).
 */
class ExampleBodies implements OpenApiCustomizer {

	private static final int MAX_DEPTH = 6;

	private static final String JSON = "application/json";

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		Map<String, Schema> components = (openApi.getComponents() != null
				&& openApi.getComponents().getSchemas() != null) ? openApi.getComponents().getSchemas() : Map.of();
		for (PathItem path : openApi.getPaths().values()) {
			for (Operation operation : path.readOperations()) {
				if (operation.getRequestBody() != null) {
					fill(operation.getRequestBody().getContent(), components);
				}
				if (operation.getResponses() != null) {
					ApiResponse ok = operation.getResponses().get("200");
					if (ok != null) {
						fill(ok.getContent(), components);
					}
				}
			}
		}
	}

	private static void fill(Content content, Map<String, Schema> components) {
		if (content == null) {
			return;
		}
		// springdoc answers */* for handlers that declare no "produces"; every one of
		// the suite's JSON handlers produces JSON.
		MediaType any = content.remove("*/*");
		if (any != null) {
			content.putIfAbsent(JSON, any);
		}
		MediaType json = content.get(JSON);
		if (json != null && json.getExample() == null && json.getExamples() == null && json.getSchema() != null) {
			json.setExample(example(json.getSchema(), "", components, 0));
		}
	}

	static Object example(Schema<?> schema, String name, Map<String, Schema> components, int depth) {
		if (schema == null) {
			return null;
		}
		if (schema.getExample() != null) {
			return schema.getExample();
		}
		if (schema.get$ref() != null) {
			String ref = schema.get$ref();
			return example(components.get(ref.substring(ref.lastIndexOf('/') + 1)), name, components, depth);
		}
		if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
			return example(schema.getAllOf().get(0), name, components, depth);
		}
		if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
			return example(schema.getOneOf().get(0), name, components, depth);
		}
		if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
			return schema.getEnum().get(0);
		}
		String type = type(schema);
		if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
			Map<String, Object> object = new LinkedHashMap<>();
			if (depth < MAX_DEPTH) {
				schema.getProperties()
					.forEach((key, value) -> object.put(key, example(value, key, components, depth + 1)));
			}
			return object;
		}
		if ("array".equals(type)) {
			List<Object> list = new ArrayList<>();
			// A tree (comments and their children) stops after a level or two.
			if (depth < MAX_DEPTH - 2 && schema.getItems() != null) {
				list.add(example(schema.getItems(), singular(name), components, depth + 1));
			}
			return list;
		}
		if ("object".equals(type)) {
			return Map.of();
		}
		if ("integer".equals(type)) {
			return integer(name, schema);
		}
		if ("number".equals(type)) {
			return 1.0;
		}
		if ("boolean".equals(type)) {
			return !name.equals("deleted") && !name.equals("cancel");
		}
		return text(name, schema.getFormat());
	}

	private static String type(Schema<?> schema) {
		if (schema.getType() != null) {
			return schema.getType();
		}
		if (schema.getTypes() != null) {
			return schema.getTypes().stream().filter((t) -> !"null".equals(t)).findFirst().orElse(null);
		}
		return null;
	}

	private static Object integer(String name, Schema<?> schema) {
		return switch (name) {
			case "errCode", "sex", "visibility", "likeStatus", "collectStatus", "status" -> 0;
			case "page", "pageNumber" -> 1;
			case "size", "showNumber" -> 20;
			case "expiresIn" -> 1800;
			case "refreshExpiresIn" -> 1209600;
			default -> (schema.getMinimum() != null) ? schema.getMinimum().intValue() : 1;
		};
	}

	private static String text(String name, String format) {
		if ("date-time".equals(format) || name.endsWith("Time")) {
			return "2026-11-21T08:15:30.123Z";
		}
		if ("date".equals(format) || name.equals("birthDate")) {
			return "1990-05-17";
		}
		if (name.endsWith("ID") || name.equals("target")) {
			return "7";
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith("url") || name.equals("images")) {
			return "http://localhost:10010/files/avatars/7/ab12.png";
		}
		return switch (name) {
			case "errMsg", "errDlt" -> "";
			case "username", "account" -> "alice";
			case "nickname" -> "Alice";
			case "mobile" -> "138****8000";
			case "password", "oldPassword", "newPassword" -> "quiet-harbor-lantern-42";
			case "title" -> "Hello";
			case "content" -> "# Hello\n\nMy first article.";
			case "summary", "excerpt" -> "Hello My first article.";
			case "tokenType" -> "Bearer";
			case "accessToken", "refreshToken" -> "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiI3In0.c2lnbmF0dXJl";
			case "type" -> "article_like";
			case "realName" -> "张*";
			case "idCard" -> "110101********1234";
			case "signature" -> "Hello there";
			case "img_code_id", "cur_id" -> "captcha-0001";
			case "img_code" -> "a1b2";
			default -> "text";
		};
	}

	private static String singular(String name) {
		return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
	}

}
