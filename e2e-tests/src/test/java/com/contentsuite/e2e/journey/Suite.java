package com.contentsuite.e2e.journey;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged jars of the suite started as real processes on free ports, each against
 * its own fresh schema and one Redis namespace, so an end-to-end run never touches a
 * developer's data. An in-memory Zipkin (the jar the build copied to
 * {@code target/zipkin/zipkin.jar}) starts first, while the services start, and every
 * process sends it all its spans.
 */
final class Suite implements AutoCloseable {

	static final String MYSQL = env("TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");

	static final String MYSQL_PARAMS = "?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true"
			+ "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";

	final String namespace = "e2e" + UUID.randomUUID().toString().substring(0, 8) + ":";

	final Map<String, Integer> ports = new LinkedHashMap<>();

	private final Map<String, Process> processes = new LinkedHashMap<>();

	private final List<String> databases = new ArrayList<>();

	private final Path logs;

	private final ExtractedJars jars;

	private final Map<String, ExtractedJars.Launch> launches = new LinkedHashMap<>();

	/** Where each service's log stood when it was last started. */
	private final Map<String, Long> logOffsets = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final int zipkinPort;

	private Process zipkin;

	Suite() throws IOException {
		this.logs = Path.of("target", "e2e-logs");
		Files.createDirectories(this.logs);
		this.jars = new ExtractedJars(java(), this.logs);
		for (String service : List.of("gateway", "passport-service", "user-service", "article-service",
				"moments-service")) {
			this.ports.put(service, freePort());
		}
		this.zipkinPort = freePort();
	}

	/** Zipkin's API, e.g. {@code /api/v2/traces} under it. */
	String zipkinUrl() {
		return "http://127.0.0.1:" + this.zipkinPort;
	}

	String gatewayUrl() {
		return "http://127.0.0.1:" + this.ports.get("gateway");
	}

	String url(String service) {
		return "http://127.0.0.1:" + this.ports.get(service);
	}

	void startAll() throws Exception {
		startZipkin();
		List<String> order = List.of("passport-service", "user-service", "article-service", "moments-service",
				"gateway");
		Map<String, Path> jars = new LinkedHashMap<>();
		for (String service : order) {
			jars.put(service, packagedJar(service));
		}
		this.launches.putAll(this.jars.prepare(jars, this::processBuilder));
		for (String service : order) {
			start(service);
		}
		for (String service : this.processes.keySet()) {
			awaitHealthy(service);
		}
		awaitZipkin();
	}

	/**
	 * Starts Zipkin without waiting for it: it comes up while the services start (they
	 * send nothing before their first request, and a span batch Zipkin missed is only
	 * dropped).
	 */
	private void startZipkin() throws IOException {
		Path jar = Path.of("target", "zipkin", "zipkin.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar.toAbsolutePath() + " is missing: the build copies it there"
					+ " (maven-dependency-plugin in process-test-resources), run the tests through Maven");
		}
		ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
				jar.toAbsolutePath().toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logs.resolve("zipkin.log").toFile()));
		builder.environment().put("QUERY_PORT", String.valueOf(this.zipkinPort));
		builder.environment().put("STORAGE_TYPE", "mem");
		this.zipkin = builder.start();
	}

	private void awaitZipkin() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.zipkin.isAlive()) {
				throw new IllegalStateException("zipkin exited with " + this.zipkin.exitValue() + "; see "
						+ this.logs.resolve("zipkin.log").toAbsolutePath());
			}
			try {
				HttpResponse<String> response = this.http.send(
						HttpRequest.newBuilder(URI.create(zipkinUrl() + "/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("UP")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(
				"zipkin did not become healthy; see " + this.logs.resolve("zipkin.log").toAbsolutePath());
	}

	void start(String service) throws IOException {
		ExtractedJars.Launch launch = this.launches.get(service);
		if (launch == null) {
			launch = new ExtractedJars.Launch(packagedJar(service).toAbsolutePath().normalize(), null);
		}
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-XX:TieredStopAtLevel=1"));
		command.addAll(launch.jvmOptions());
		command.addAll(List.of("-jar", launch.jar().toString(), "--suite.redis.namespace=" + this.namespace));
		Path log = this.logs.resolve(service + ".log");
		this.logOffsets.put(service, Files.exists(log) ? Files.size(log) : 0L);
		ProcessBuilder builder = processBuilder(service, command)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		this.processes.put(service, builder.start());
	}

	private static Path packagedJar(String service) {
		Path jar = Path.of("..", service, "target", service + "-0.1.0-SNAPSHOT.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(
					jar.toAbsolutePath() + " is missing: the end-to-end tests drive the packaged"
							+ " jars, run them with './mvnw verify' from the repository root");
		}
		return jar;
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * A process of {@code service} running {@code command} with the environment of this
	 * run (the training runs of {@link ExtractedJars} get the same).
	 */
	private ProcessBuilder processBuilder(String service, List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.put("SERVER_PORT", String.valueOf(this.ports.get(service)));
		environment.put("PASSPORT_URL", url("passport-service"));
		environment.put("USER_SERVICE_URL", url("user-service"));
		environment.put("ARTICLE_SERVICE_URL", url("article-service"));
		environment.put("MOMENTS_SERVICE_URL", url("moments-service"));
		environment.put("REDIS_URL", env("TEST_REDIS_URL", "redis://127.0.0.1:6379"));
		environment.put("MYSQL_USER", env("TEST_MYSQL_USER", "root"));
		environment.put("MYSQL_PASSWORD", env("TEST_MYSQL_PASSWORD", ""));
		// Every span of every request to the in-memory Zipkin (TracingJourneyTests).
		environment.put("TRACING_ZIPKIN_ENDPOINT", zipkinUrl() + "/api/v2/spans");
		environment.put("TRACING_SAMPLING_PROBABILITY", "1.0");
		// Raised so the journeys never trip them; the gateway's own tests cover 429.
		for (String rule : List.of("CAPTCHA", "CHECK_MOBILE", "REGISTER", "LOGIN")) {
			environment.put("RATE_LIMIT_" + rule + "_PER_MINUTE", "10000");
		}
		if (service.equals("passport-service")) {
			environment.put("PASSPORT_DB_URL", database("passport"));
		}
		if (service.equals("user-service")) {
			environment.put("USER_DB_URL", database("user"));
			environment.put("USER_STORAGE_DIR", this.logs.resolveSibling("e2e-files").toAbsolutePath().toString());
			environment.put("USER_STORAGE_BASE_URL", gatewayUrl() + "/files/");
		}
		if (service.equals("article-service")) {
			environment.put("ARTICLE_DB_URL", database("article"));
			// Raised like the gateway's limits: article-service's own tests cover 1005.
			environment.put("ARTICLE_COMMENTS_PER_MINUTE", "10000");
		}
		if (service.equals("moments-service")) {
			environment.put("MOMENTS_DB_URL", database("moments"));
			// A directory of this run alone, so a picture stored by an earlier run can
			// never stand in for one this run failed to store.
			environment.put("MOMENTS_STORAGE_DIR",
					this.logs.resolveSibling("e2e-moments-files")
						.resolve(this.namespace.replace(":", ""))
						.toAbsolutePath()
						.toString());
			environment.put("MOMENTS_STORAGE_BASE_URL", gatewayUrl() + "/files/");
			// Raised like article-service's: moments-service's own tests cover 1005.
			environment.put("MOMENTS_COMMENTS_PER_MINUTE", "10000");
		}
		return builder;
	}

	/**
	 * Rate limits are raised so the journeys themselves never trip them; gateway tests
	 * cover 429.
	 */
	private static List<String> extraArguments(String service) {
		if (!service.equals("gateway")) {
			return List.of();
		}
		// The placeholders of the routes' RateLimit filters; the limiter itself stays on.
		// (The property this passed before, gateway.rate-limit.enabled, never existed.)
		return List.of("--RATE_LIMIT_CAPTCHA_PER_MINUTE=100000", "--RATE_LIMIT_CHECK_MOBILE_PER_MINUTE=100000",
				"--RATE_LIMIT_REGISTER_PER_MINUTE=100000", "--RATE_LIMIT_LOGIN_PER_MINUTE=100000");
	}

	/**
	 * The JDBC URL of a service's schema in this run, for journeys that look at its rows.
	 */
	String databaseUrl(String owner) {
		return database(owner);
	}

	private String database(String owner) {
		String name = this.namespace.replace(":", "") + "_" + owner;
		if (!this.databases.contains(name)) {
			this.databases.add(name);
		}
		return MYSQL + name + MYSQL_PARAMS;
	}

	void stop(String service) throws InterruptedException {
		Process process = this.processes.remove(service);
		if (process != null) {
			process.destroy();
			if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	void awaitHealthy(String service) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			Process process = this.processes.get(service);
			if (process != null && !process.isAlive()) {
				throw new IllegalStateException(service + " exited with " + process.exitValue() + "; see "
						+ this.logs.resolve(service + ".log").toAbsolutePath());
			}
			try {
				HttpResponse<String> response = this.http.send(
						HttpRequest.newBuilder(URI.create(url(service) + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("UP")) {
					ExtractedJars.Launch launch = this.launches.get(service);
					if (launch != null) {
						this.jars.checkUsed(service, launch, this.logs.resolve(service + ".log"),
								this.logOffsets.getOrDefault(service, 0L));
					}
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(
				service + " did not become healthy; see " + this.logs.resolve(service + ".log").toAbsolutePath());
	}

	@Override
	public void close() throws Exception {
		for (String service : new ArrayList<>(this.processes.keySet())) {
			stop(service);
		}
		if (this.zipkin != null) {
			this.zipkin.destroy();
			if (!this.zipkin.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				this.zipkin.destroyForcibly().waitFor();
			}
		}
		try (Connection connection = DriverManager.getConnection(MYSQL, env("TEST_MYSQL_USER", "root"),
				env("TEST_MYSQL_PASSWORD", "")); Statement statement = connection.createStatement()) {
			for (String name : this.databases) {
				statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
			}
		}
		catch (SQLException ex) {
			System.err.println("Could not drop end-to-end databases: " + ex.getMessage());
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static String mysqlUser() {
		return env("TEST_MYSQL_USER", "root");
	}

	static String mysqlPassword() {
		return env("TEST_MYSQL_PASSWORD", "");
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isEmpty()) ? value : fallback;
	}

	static File logDirectory() {
		return Path.of("target", "e2e-logs").toFile();
	}

}
