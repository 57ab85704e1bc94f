package com.contentsuite.e2e.journey;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.contentsuite.e2e.journey.Client.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.contentsuite.e2e.journey.Client.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Postman collection of docs/postman, as a client developer gets it, run with newman
 * against the packaged suite (docs/api.md section 6): every request answers what its
 * OpenAPI document promises (the envelope, a documented code with its status, the
 * operationID back), and the collection is the one generate.mjs makes from the live
 * documents today, so it cannot go stale unnoticed.
 */
@ExtendWith(RunningSuite.Resolver.class)
class PostmanCollectionTests {

	private static final Path POSTMAN = Path.of("..", "docs", "postman").toAbsolutePath().normalize();

	private static final Path COLLECTION = POSTMAN.resolve("content-suite.postman_collection.json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static RunningSuite running;

	@BeforeAll
	static void useSuite(RunningSuite shared) throws Exception {
		running = shared;
		if (!Files.isRegularFile(POSTMAN.resolve("node_modules/newman/bin/newman.js"))
				|| !Files.isDirectory(POSTMAN.resolve("node_modules/openapi-to-postmanv2"))) {
			// The versions package-lock.json pins, from the npm registry.
			assertThat(run(List.of(npm(), "ci", "--no-audit", "--no-fund"), POSTMAN, "npm-ci.log")).isZero();
		}
	}

	@Test
	void theCommittedCollectionIsTheOneTheLiveDocumentsGenerate() throws Exception {
		Path live = Path.of("target", "postman", "live.postman_collection.json").toAbsolutePath();
		Files.createDirectories(live.getParent());
		int exit = run(List.of("node", "generate.mjs", running.suite.gatewayUrl(), live.toString()), POSTMAN,
				"postman-generate.log");
		assertThat(exit).as(log("postman-generate.log")).isZero();

		JsonNode committed = JSON.readTree(COLLECTION.toFile());
		JsonNode generated = JSON.readTree(live.toFile());
		assertThat(generated.get("item"))
			.as("docs/postman/content-suite.postman_collection.json is stale: run 'node docs/postman/generate.mjs'"
					+ " against a running suite (deploy/local/up.sh); requests now: %s", names(generated))
			.isEqualTo(committed.get("item"));
	}

	@Test
	void everyRequestAnswersWhatItsDocumentPromises() throws Exception {
		SignedInUser alice = SignedInUser.register(running);
		SignedInUser bob = SignedInUser.register(running);
		Client client = running.client;
		String articleId = ok(
				client.post("/articles", Map.of("title", "Postman", "content", "# Postman\n\nrun"), alice.token()))
			.text("articleID");
		String commentId = ok(
				client.post("/articles/" + articleId + "/comments", Map.of("content", "first"), bob.token()))
			.text("commentID");
		String postId = ok(client.post("/chatx/moments/publish", Map.of("content", "from postman"), alice.token()))
			.text("postID");
		String avatarUrl = ok(client.upload("/users/avatar", "avatar", "a.png", "image/png",
				Files.readAllBytes(POSTMAN.resolve("fixtures/picture.png")), alice.token()))
			.text("avatarUrl");
		String fileKey = avatarUrl.substring(avatarUrl.indexOf("/files/") + "/files/".length());

		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("baseUrl", running.suite.gatewayUrl());
		variables.put("token", alice.token());
		variables.put("userID", alice.id());
		variables.put("targetUserID", bob.id());
		variables.put("articleID", articleId);
		variables.put("commentID", commentId);
		variables.put("postID", postId);
		variables.put("fileKey", fileKey);
		Path report = Path.of("target", "postman", "newman-report.json").toAbsolutePath();
		Files.createDirectories(report.getParent());
		List<String> command = new ArrayList<>(List.of("node", "node_modules/newman/bin/newman.js", "run",
				COLLECTION.toString(), "--working-dir", POSTMAN.toString(), "--reporters", "cli,json",
				"--reporter-json-export", report.toString(), "--timeout-request", "20000", "--color", "off"));
		variables.forEach((key, value) -> command.addAll(List.of("--env-var", key + "=" + value)));

		int exit = run(command, POSTMAN, "newman.log");

		assertThat(exit).as(log("newman.log")).isZero();
		JsonNode run = JSON.readTree(report.toFile()).get("run");
		int requests = names(JSON.readTree(COLLECTION.toFile())).size();
		assertThat(run.get("stats").get("requests").get("total").asInt()).isEqualTo(requests);
		assertThat(run.get("stats").get("assertions").get("failed").asInt()).isZero();
		assertThat(run.get("stats").get("assertions").get("total").asInt()).isGreaterThanOrEqualTo(2 * requests);
		// The variables reached the routes: the records this test made are found, not
		// 1004.
		Map<String, Integer> codes = codes(run);
		for (String route : List.of("GET /users/me", "GET /articles/{articleID}", "GET /articles/{articleID}/comments",
				"POST /chatx/moments/get", "GET /users/{userID}", "GET /articles/new", "GET /files/{key}")) {
			assertThat(codes).as(route).containsEntry(route, 0);
		}
	}

	/** The errCode each request answered, 0 also for a successful non-JSON answer. */
	private static Map<String, Integer> codes(JsonNode run) {
		Map<String, Integer> codes = new HashMap<>();
		for (JsonNode execution : run.get("executions")) {
			String name = execution.get("item").get("name").asString();
			JsonNode response = execution.get("response");
			if (response == null || response.isNull()) {
				continue;
			}
			int status = response.get("code").asInt();
			byte[] bytes = new byte[response.get("stream").get("data").size()];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = (byte) response.get("stream").get("data").get(i).asInt();
			}
			int code;
			try {
				JsonNode body = JSON.readTree(bytes);
				code = body.has("errCode") ? body.get("errCode").asInt() : ((status == 200) ? 0 : -status);
			}
			catch (RuntimeException notJson) {
				code = (status == 200) ? 0 : -status;
			}
			codes.put(name, code);
		}
		return codes;
	}

	private static List<String> names(JsonNode collection) {
		List<String> names = new ArrayList<>();
		for (JsonNode folder : collection.get("item")) {
			for (JsonNode item : folder.get("item")) {
				names.add(item.get("name").asString());
			}
		}
		return names;
	}

	private static String npm() {
		return System.getProperty("os.name").toLowerCase().contains("win") ? "npm.cmd" : "npm";
	}

	private static int run(List<String> command, Path directory, String logName)
			throws IOException, InterruptedException {
		File log = Suite.logDirectory().toPath().resolve(logName).toFile();
		Process process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError(String.join(" ", command) + " did not finish; see " + log);
		}
		return process.exitValue();
	}

	private static String log(String logName) throws IOException {
		return Files.readString(Suite.logDirectory().toPath().resolve(logName), StandardCharsets.UTF_8);
	}

}
