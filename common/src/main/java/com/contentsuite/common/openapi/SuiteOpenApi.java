package com.contentsuite.common.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The part of every service's document that no handler says: its title, the server
 * (relative, so the document works wherever the gateway serves it), the token scheme and
 * the failure envelope that every error answer refers to.
 */
final class SuiteOpenApi {

	static final String ERROR_SCHEMA = "ErrorEnvelope";

	static final String ERROR_SCHEMA_REF = "#/components/schemas/" + ERROR_SCHEMA;

	private SuiteOpenApi() {
	}

	static OpenAPI base(String application, String version) {
		return new OpenAPI()
			.info(new Info().title(application + " API")
				.version(version)
				.description("Through the gateway only. Every JSON answer is the envelope "
						+ "{\"errCode\", \"errMsg\", \"errDlt\", \"data\"} (data absent on failure); "
						+ "every request sends an operationID header, which comes back on the answer. "
						+ "The whole contract, with every rule, is docs/api.md in the repository."))
			.servers(List.of(new Server().url("/").description("the gateway that serves this document")))
			.components(new Components()
				.addSecuritySchemes(RouteDocs.TOKEN_SCHEME,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("token")
							.description("The access token from /passport/login; "
									+ "'Authorization: Bearer <token>' is accepted too."))
				.addSchemas(ERROR_SCHEMA, errorEnvelope()));
	}

	private static ObjectSchema errorEnvelope() {
		ObjectSchema schema = new ObjectSchema();
		schema.description("A failure: data is absent; errMsg is the code's name, errDlt a short detail.");
		schema.addProperty("errCode", new IntegerSchema().description("the error code, never 0 here"));
		schema.addProperty("errMsg", new StringSchema().description("the code's name, e.g. ArgsError"));
		schema.addProperty("errDlt", new StringSchema().description("a short human detail"));
		schema.setRequired(List.of("errCode", "errMsg", "errDlt"));
		return schema;
	}

}
