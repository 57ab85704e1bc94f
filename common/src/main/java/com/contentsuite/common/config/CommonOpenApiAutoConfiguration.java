package com.contentsuite.common.config;

import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.identity.Viewer;
import com.contentsuite.common.openapi.SuiteOpenApiDocs;
import com.contentsuite.common.paging.PageQuery;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.RouterOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Each service's OpenAPI document (springdoc at {@code /v3/api-docs}, served to clients
 * by the gateway at {@code /v3/api-docs/{service}}): the envelope, the shared headers,
 * the error codes and an example per route, from common's {@code openapi} package. Off
 * with {@code SUITE_API_DOCS_ENABLED=false}, and under the {@code prod} profile unless
 * that is set to {@code true} ({@link SuiteDefaults}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OperationCustomizer.class)
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
public class CommonOpenApiAutoConfiguration {

	static {
		// Resolved from the gateway's signed headers and the query, never from a body:
		// RouteDocs documents them as the token and page/size instead.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class, Viewer.class, PageQuery.class);
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAPI suiteOpenApi(@Value("${spring.application.name:service}") String application,
			@Value("${suite.api-docs.version:0.1.0}") String version) {
		return SuiteOpenApiDocs.base(application, version);
	}

	@Bean
	OperationCustomizer suiteRouteDocs() {
		return SuiteOpenApiDocs.routeDocs();
	}

	@Bean
	OpenApiCustomizer suiteExampleBodies() {
		return SuiteOpenApiDocs.exampleBodies();
	}

	@Bean
	RouterOperationCustomizer suiteCatchAllPaths() {
		return SuiteOpenApiDocs.catchAllPaths();
	}

}
