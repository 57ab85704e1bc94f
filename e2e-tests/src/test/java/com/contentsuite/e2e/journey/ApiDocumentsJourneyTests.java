package com.contentsuite.e2e.journey;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.contentsuite.e2e.journey.Client.Answer;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five API documents through the gateway (docs/api.md section 6), as a client tool
 * reads them: valid OpenAPI 3 by the reference parser, without token or operationID, and
 * truthful about auth. Each operation's security is held against what the gateway really
 * does: a route documented as needing the token answers 401 {@code 1001} without one, a
 * route documented as taking an optional token refuses a malformed one ({@code 1503}) but
 * serves no token, and a route documented without a token ignores a malformed one.
 */
@ExtendWith(RunningSuite.Resolver.class)
class ApiDocumentsJourneyTests {

	private static final List<String> DOCUMENTS = List.of("passport", "users", "articles", "moments", "gateway");

	private static Client client;

	@BeforeAll
	static void useSuite(RunningSuite shared) {
		client = shared.client;
	}

	@Test
	void everyDocumentIsValidOpenApi3WithThePublicRoutesOnly() throws Exception {
		for (String name : DOCUMENTS) {
			OpenAPI document = document(name);
			assertThat(document.getOpenapi()).as(name).startsWith("3.");
			assertThat(document.getPaths()).as(name).isNotEmpty();
			assertThat(document.getPaths().keySet()).as(name)
				.noneMatch((path) -> path.startsWith("/internal") || path.equals("/error"));
		}
		assertThat(document("articles").getPaths()).containsKeys("/articles", "/articles/{articleID}/likes");
		assertThat(document("users").getPaths()).containsKeys("/users/me", "/users/notifications");
		assertThat(document("moments").getPaths()).containsKeys("/chatx/moments/like");
		assertThat(document("passport").getPaths()).containsKeys("/passport/login", "/passport/register");
		assertThat(document("gateway").getPaths()).containsKeys("/actuator/health");
	}

	@Test
	void everyOperationsSecurityIsWhatTheGatewayEnforces() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (String name : List.of("passport", "users", "articles", "moments")) {
			OpenAPI document = document(name);
			for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
				for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
					String method = entry.getKey().name();
					String route = method + " " + path.getKey();
					String concrete = path.getKey().replaceAll("\\{[^}]+}", "1").replace("/**", "/x");
					String documented = mode(entry.getValue());
					Answer anonymous = client.send(method, concrete, Map.of(), null, Map.of());
					Answer malformed = client.send(method, concrete, Map.of(), "not-a-jwt", Map.of());
					boolean refusesAnonymous = anonymous.status() == 401 && code(anonymous) == 1001;
					boolean refusesMalformed = malformed.status() == 401 && code(malformed) == 1503;
					String actual = refusesAnonymous ? "required" : (refusesMalformed ? "optional" : "none");
					if (!actual.equals(documented)) {
						wrong.add(route + ": documented " + documented + ", the gateway enforces " + actual);
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private static String mode(Operation operation) {
		if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
			return "none";
		}
		boolean anonymousToo = operation.getSecurity().stream().anyMatch(Map::isEmpty);
		return anonymousToo ? "optional" : "required";
	}

	private static int code(Answer answer) {
		return (answer.body() != null && answer.body().has("errCode")) ? answer.body().get("errCode").asInt() : -1;
	}

	private static OpenAPI document(String name) throws Exception {
		// As a browser or a code generator fetches it: no operationID, no token.
		HttpResponse<byte[]> answer = client.raw("/v3/api-docs/" + name);
		String body = new String(answer.body(), StandardCharsets.UTF_8);
		assertThat(answer.statusCode()).as(name + ": " + body).isEqualTo(200);
		assertThat(answer.headers().firstValue("operationID")).as("a minted operationID").isPresent();
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		SwaggerParseResult result = new OpenAPIParser().readContents(body, null, options);
		assertThat(result.getMessages()).as(name).isEmpty();
		return result.getOpenAPI();
	}

}
