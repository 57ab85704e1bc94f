package com.contentsuite.common.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.RouterOperationCustomizer;

/** The package's entry points for the auto-configuration. */
public final class SuiteOpenApiDocs {

	private SuiteOpenApiDocs() {
	}

	public static OpenAPI base(String application, String version) {
		return SuiteOpenApi.base(application, version);
	}

	public static OperationCustomizer routeDocs() {
		return new RouteDocs();
	}

	public static OpenApiCustomizer exampleBodies() {
		return new ExampleBodies();
	}

	public static RouterOperationCustomizer catchAllPaths() {
		return new CatchAllPaths();
	}

}
