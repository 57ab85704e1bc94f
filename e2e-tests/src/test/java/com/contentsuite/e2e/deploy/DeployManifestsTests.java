package com.contentsuite.e2e.deploy;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Keeps deploy/ in step with the services: every port, probe path, image name and
 * environment variable in the Kubernetes manifests, docker-compose.yml, the Dockerfile
 * and the local scripts must agree with what the services declare in their own
 * application.yml. Runs without Docker or a cluster: it only reads the files (and checks
 * the shell scripts with {@code bash -n}, and with shellcheck where installed).
 */
class DeployManifestsTests {

	/**
	 * Every deployed module; each parameterized test below runs once per entry. A module
	 * whose application.yml is not written yet is still checked, on its fallback port.
	 */
	private static final List<String> MODULES = List.of("gateway", "passport-service", "user-service",
			"article-service", "moments-service");

	/** Used only while a service's application.yml does not exist yet. */
	private static final Map<String, Integer> FALLBACK_PORTS = Map.of("gateway", 10010, "passport-service", 10011,
			"user-service", 10012, "article-service", 10013, "moments-service", 10014);

	private static final Map<String, String> UP_SH_PORT_VARIABLES = Map.of("gateway", "GATEWAY_PORT",
			"passport-service", "PASSPORT_PORT", "user-service", "USER_SERVICE_PORT", "article-service",
			"ARTICLE_SERVICE_PORT", "moments-service", "MOMENTS_SERVICE_PORT");

	/** The schema each service owns (docs/design.md); the gateway owns none. */
	private static final Map<String, String> SCHEMAS = Map.of("passport-service", "passport_db", "user-service",
			"user_db", "article-service", "article_db", "moments-service", "moments_db");

	/**
	 * Where the gateway (and a sibling) finds each routed service, in suite-config, in
	 * docker-compose.yml and in the gateway's own application.yml.
	 */
	private static final Map<String, String> URL_VARIABLES = Map.of("passport-service", "PASSPORT_URL", "user-service",
			"USER_SERVICE_URL", "article-service", "ARTICLE_SERVICE_URL", "moments-service", "MOMENTS_SERVICE_URL");

	private static final String NAMESPACE = "content-suite";

	private static final String IMAGE_TAG = "0.1.0";

	private static final String LIVENESS = "/actuator/health/liveness";

	private static final String READINESS = "/actuator/health/readiness";

	private static final Pattern PORT_PLACEHOLDER = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}");

	/**
	 * A {@code ${NAME}} or {@code ${NAME:default}} placeholder whose default holds no
	 * other one.
	 */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^${}]*))?}");

	/**
	 * Set for Spring Boot itself (relaxed binding) or for the JVM, not read by a
	 * placeholder.
	 */
	private static final Pattern SPRING_OR_JVM_VARIABLES = Pattern
		.compile("SPRING_.*|SERVER_.*|MANAGEMENT_.*|LOGGING_.*|JAVA_OPTS|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS");

	private static Path root;

	private static List<Map<String, Object>> k8s;

	private static Map<String, Object> compose;

	static List<String> modules() {
		return MODULES;
	}

	@BeforeAll
	static void load() throws IOException {
		root = repositoryRoot();
		k8s = new ArrayList<>();
		Path k8sDir = root.resolve("deploy/k8s");
		assertThat(k8sDir).isDirectory();
		try (Stream<Path> files = Files.walk(k8sDir)) {
			for (Path file : files.filter(DeployManifestsTests::isYaml).sorted().toList()) {
				for (Object document : loadAll(file)) {
					if (document != null) {
						assertThat(document).as("a document in %s", file).isInstanceOf(Map.class);
						k8s.add(map(document, file.toString()));
					}
				}
			}
		}
		compose = map(loadAll(root.resolve("deploy/docker-compose.yml")).get(0), "docker-compose.yml");
	}

	// --- Kubernetes
	// ---------------------------------------------------------------------

	@ParameterizedTest
	@MethodSource("modules")
	void deploymentRunsTheServiceOnItsOwnPortWithHealthGroupProbes(String module) {
		int port = defaultPort(module);
		Map<String, Object> deployment = k8s("Deployment", module);
		Map<String, Object> podSpec = map(get(deployment, "spec", "template", "spec"), module + " pod spec");
		List<Object> containers = list(podSpec.get("containers"), module + " containers");
		assertThat(containers).as("%s containers", module).hasSize(1);
		Map<String, Object> container = map(containers.get(0), module + " container");

		assertThat(container.get("image")).as("%s image", module)
			.isEqualTo("content-suite/" + module + ":" + IMAGE_TAG);
		List<Object> ports = list(container.get("ports"), module + " ports");
		assertThat(ports).as("%s containerPorts", module)
			.extracting(p -> map(p, "port").get("containerPort"))
			.containsExactly(port);

		Map<String, Object> env = envByName(container, module);
		assertThat(env).as("%s env", module).containsKeys("SPRING_PROFILES_ACTIVE", "INTERNAL_AUTH_SECRET");
		assertThat(map(env.get("SPRING_PROFILES_ACTIVE"), "env").get("value")).isEqualTo("prod");
		if (env.containsKey("SERVER_PORT")) {
			assertThat(map(env.get("SERVER_PORT"), "env").get("value")).as("%s SERVER_PORT", module)
				.isEqualTo(String.valueOf(port));
		}
		assertThat(get(env.get("INTERNAL_AUTH_SECRET"), "valueFrom", "secretKeyRef"))
			.as("%s takes INTERNAL_AUTH_SECRET from a Secret", module)
			.isNotNull();

		assertProbe(module, container, "livenessProbe", LIVENESS, port);
		assertProbe(module, container, "readinessProbe", READINESS, port);
		if (container.containsKey("startupProbe")) {
			assertProbe(module, container, "startupProbe", LIVENESS, port);
		}

		Map<String, Object> resources = map(container.get("resources"), module + " resources");
		assertThat(map(resources.get("requests"), "requests")).as("%s requests", module).containsKeys("cpu", "memory");
		assertThat(map(resources.get("limits"), "limits")).as("%s limits", module).containsKey("memory");

		Map<String, Object> selector = map(get(deployment, "spec", "selector", "matchLabels"), "selector");
		Map<String, Object> podLabels = map(get(deployment, "spec", "template", "metadata", "labels"), "labels");
		assertThat(podLabels).as("%s pod labels", module).containsAllEntriesOf(selector);
	}

	@ParameterizedTest
	@MethodSource("modules")
	void serviceTargetsTheContainerPortAndOnlyTheGatewayIsExposed(String module) {
		int port = defaultPort(module);
		Map<String, Object> service = k8s("Service", module);
		Map<String, Object> deployment = k8s("Deployment", module);
		Map<String, Object> spec = map(service.get("spec"), module + " service spec");
		Map<String, Object> podLabels = map(get(deployment, "spec", "template", "metadata", "labels"), "labels");
		assertThat(podLabels).as("%s Service selector matches the pods", module)
			.containsAllEntriesOf(map(spec.get("selector"), "selector"));

		List<Object> ports = list(spec.get("ports"), module + " service ports");
		assertThat(ports).as("%s service ports", module).isNotEmpty();
		for (Object entry : ports) {
			Object target = map(entry, "service port").get("targetPort");
			assertThat(resolvePort(container(deployment, module), target)).as("%s Service targetPort", module)
				.isEqualTo(port);
		}

		String type = Objects.toString(spec.get("type"), "ClusterIP");
		if (module.equals("gateway")) {
			boolean ingress = k8s.stream()
				.anyMatch((doc) -> "Ingress".equals(doc.get("kind")) && String.valueOf(doc).contains("gateway"));
			assertThat(type.equals("LoadBalancer") || ingress).as("the gateway is reachable from outside").isTrue();
		}
		else {
			assertThat(type).as("%s stays inside the cluster", module).isEqualTo("ClusterIP");
			assertThat(k8s.stream().filter((doc) -> "Ingress".equals(doc.get("kind"))).map(String::valueOf))
				.as("no Ingress routes to %s", module)
				.noneMatch((ingress) -> ingress.contains("name=" + module));
		}
	}

	@ParameterizedTest
	@MethodSource("modules")
	void everyServiceHasAHorizontalPodAutoscaler(String module) {
		Map<String, Object> hpa = k8s("HorizontalPodAutoscaler", module);
		assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
		Map<String, Object> target = map(get(hpa, "spec", "scaleTargetRef"), "scaleTargetRef");
		assertThat(target).containsEntry("kind", "Deployment").containsEntry("name", module);
		int min = ((Number) get(hpa, "spec", "minReplicas")).intValue();
		int max = ((Number) get(hpa, "spec", "maxReplicas")).intValue();
		assertThat(min).as("%s minReplicas", module).isGreaterThanOrEqualTo(1);
		assertThat(max).as("%s maxReplicas", module).isGreaterThan(min);
		assertThat(get(k8s("Deployment", module), "spec", "template", "spec", "containers"))
			.as("%s: the HPA needs CPU requests to compute utilisation", module)
			.asString()
			.contains("cpu");
	}

	@Test
	void environmentReferencesResolveToConfigMapAndSecretKeys() {
		for (String module : MODULES) {
			Map<String, Object> container = container(k8s("Deployment", module), module);
			for (Map.Entry<String, Object> entry : envByName(container, module).entrySet()) {
				Map<String, Object> valueFrom = optionalMap(map(entry.getValue(), "env").get("valueFrom"));
				for (String refKind : List.of("configMapKeyRef", "secretKeyRef")) {
					Map<String, Object> ref = optionalMap(valueFrom.get(refKind));
					if (ref.isEmpty()) {
						continue;
					}
					String kind = refKind.equals("configMapKeyRef") ? "ConfigMap" : "Secret";
					Map<String, Object> source = k8s(kind, (String) ref.get("name"));
					Map<String, Object> data = new LinkedHashMap<>(optionalMap(source.get("data")));
					data.putAll(optionalMap(source.get("stringData")));
					assertThat(data).as("%s %s referenced by %s env %s", kind, ref.get("name"), module, entry.getKey())
						.containsKey((String) ref.get("key"));
					assertThat(ref.get("key")).as("%s env %s reads the key of the same name", module, entry.getKey())
						.isEqualTo(entry.getKey());
				}
			}
		}
	}

	@Test
	void serviceUrlsPointAtTheInClusterServices() {
		Map<String, Object> config = k8s("ConfigMap", "suite-config");
		Map<String, Object> data = map(config.get("data"), "suite-config data");
		URL_VARIABLES.forEach((module, variable) -> assertInClusterUrl((String) data.get(variable), module));
		Map<String, Object> gatewayEnv = envByName(container(k8s("Deployment", "gateway"), "gateway"), "gateway");
		assertThat(gatewayEnv).as("the gateway knows where its services are")
			.containsKeys(URL_VARIABLES.values().toArray(String[]::new));
	}

	@Test
	void kustomizationAppliesEveryManifest() throws IOException {
		Map<String, Object> kustomization = map(loadAll(root.resolve("deploy/k8s/kustomization.yaml")).get(0),
				"kustomization.yaml");
		List<String> resources = stringList(kustomization.get("resources"));
		try (Stream<Path> files = Files.list(root.resolve("deploy/k8s"))) {
			List<String> manifests = files.filter(DeployManifestsTests::isYaml)
				.map((file) -> file.getFileName().toString())
				.filter((name) -> !name.equals("kustomization.yaml"))
				.toList();
			assertThat(resources).as("kustomization.yaml resources").containsExactlyInAnyOrderElementsOf(manifests);
		}
		for (String module : MODULES) {
			assertThat(resources).as("kustomization.yaml resources").contains(module + ".yaml");
		}
	}

	@Test
	void theGatewayRoutesToEachServiceAtItsUrlVariable() {
		String gateway = configurationText("gateway");
		assertThat(gateway).as("gateway application.yml").isNotNull();
		URL_VARIABLES.forEach((module, variable) -> assertThat(gateway).as("gateway instance of %s", module)
			.contains(module + ":")
			.contains("${" + variable + ":http://127.0.0.1:" + defaultPort(module) + "}"));
	}

	@Test
	void momentPicturesAreStoredOnAVolumeAndAnsweredUnderTheGatewaysFiles() {
		Map<String, Object> container = container(k8s("Deployment", "moments-service"), "moments-service");
		Map<String, Object> env = envByName(container, "moments-service");
		String directory = String.valueOf(map(env.get("MOMENTS_STORAGE_DIR"), "env").get("value"));
		assertThat(list(container.get("volumeMounts"), "moments-service volumeMounts"))
			.as("MOMENTS_STORAGE_DIR %s lies on a mounted volume", directory)
			.anyMatch((mount) -> directory.startsWith(map(mount, "mount").get("mountPath") + "/"));
		Map<String, Object> config = map(k8s("ConfigMap", "suite-config").get("data"), "suite-config data");
		assertThat(String.valueOf(config.get("MOMENTS_STORAGE_BASE_URL"))).endsWith("/files/");
		assertThat(get(env.get("MOMENTS_STORAGE_BASE_URL"), "valueFrom", "configMapKeyRef")).isNotNull();

		Map<String, Object> service = composeService("moments-service");
		Map<String, Object> composeEnv = map(service.get("environment"), "moments-service environment");
		String composeDirectory = String.valueOf(composeEnv.get("MOMENTS_STORAGE_DIR"));
		assertThat(stringList(service.get("volumes"))).as("moments-service volumes")
			.anyMatch((volume) -> composeDirectory.startsWith(volume.substring(volume.indexOf(':') + 1) + "/"));
		assertThat(String.valueOf(composeEnv.get("MOMENTS_STORAGE_BASE_URL")))
			.isEqualTo("http://localhost:${GATEWAY_PUBLISHED_PORT:-10010}/files/");
	}

	@Test
	void secretsHoldOnlyMarkedPlaceholdersAndEverythingSitsInTheNamespace() {
		for (Map<String, Object> document : k8s) {
			String kind = (String) document.get("kind");
			if ("Secret".equals(kind)) {
				Map<String, Object> values = new LinkedHashMap<>(optionalMap(document.get("stringData")));
				values.putAll(optionalMap(document.get("data")));
				assertThat(values).as("secret values").isNotEmpty();
				values.forEach((key, value) -> assertThat(String.valueOf(value))
					.as("secret %s must be a marked placeholder", key)
					.contains("REPLACE"));
			}
			if (kind != null && !kind.equals("Namespace") && !kind.equals("Kustomization")) {
				assertThat(get(document, "metadata", "namespace"))
					.as("namespace of %s %s", kind, get(document, "metadata", "name"))
					.isEqualTo(NAMESPACE);
			}
		}
		assertThat(k8s("Namespace", NAMESPACE)).isNotNull();
	}

	@ParameterizedTest
	@MethodSource("modules")
	void everyVariableTheManifestsSetIsOneTheServiceReads(String module) {
		String config = configurationText(module);
		if (config == null) {
			return; // the service's configuration is not written yet
		}
		Map<String, Object> composeEnv = map(composeService(module).get("environment"), module + " environment");
		Map<String, Object> k8sEnv = envByName(container(k8s("Deployment", module), module), module);
		for (Map.Entry<String, Map<String, Object>> source : Map
			.of("deploy/k8s", k8sEnv, "docker-compose.yml", composeEnv)
			.entrySet()) {
			for (String name : source.getValue().keySet()) {
				if (SPRING_OR_JVM_VARIABLES.matcher(name).matches()) {
					continue;
				}
				assertThat(config)
					.as("%s sets %s for %s, which reads no ${%s...} placeholder", source.getKey(), name, module, name)
					.containsPattern(Pattern.quote("${" + name) + "[:}]");
			}
		}
	}

	@ParameterizedTest
	@MethodSource("modules")
	void everyValueTheProdProfileNeedsIsSetInKubernetes(String module) {
		Map<String, Object> env = envByName(container(k8s("Deployment", module), module), module);
		for (String name : prodRequiredVariables(module)) {
			assertThat(env).as("%s's prod profile needs %s, which has no usable default", module, name)
				.containsKey(name);
		}
	}

	// --- docker compose and Dockerfile
	// ----------------------------------------------------

	@ParameterizedTest
	@MethodSource("modules")
	void composeBuildsAndChecksEveryServiceOnItsOwnPort(String module) {
		int port = defaultPort(module);
		Map<String, Object> service = composeService(module);
		Map<String, Object> build = map(service.get("build"), module + " build");
		assertThat(build.get("dockerfile")).as("%s dockerfile", module).isEqualTo("deploy/Dockerfile");
		Map<String, Object> args = map(build.get("args"), module + " build args");
		assertThat(String.valueOf(args.get("MODULE"))).as("%s build arg MODULE", module).isEqualTo(module);
		assertThat(String.valueOf(args.get("PORT"))).as("%s build arg PORT", module).isEqualTo(String.valueOf(port));
		assertThat(String.valueOf(service.get("image"))).as("%s image", module)
			.startsWith("content-suite/" + module + ":");

		Map<String, Object> env = map(service.get("environment"), module + " environment");
		assertThat(String.valueOf(env.get("SERVER_PORT"))).as("%s SERVER_PORT", module).isEqualTo(String.valueOf(port));
		if (module.equals("gateway")) {
			assertThat(env).as("the gateway knows where its services are")
				.containsKeys(URL_VARIABLES.values().toArray(String[]::new));
		}
		URL_VARIABLES.forEach((target, variable) -> {
			if (env.containsKey(variable)) {
				assertThat(String.valueOf(env.get(variable))).as("%s %s", module, variable)
					.isEqualTo("http://" + target + ":" + defaultPort(target));
			}
		});
		assertThat(env).containsKeys("REDIS_URL", "INTERNAL_AUTH_SECRET");

		String healthcheck = String.join(" ", stringList(get(service, "healthcheck", "test")));
		assertThat(healthcheck).as("%s health check", module).contains("http://127.0.0.1:" + port + READINESS);

		Map<String, Object> dependsOn = optionalMap(service.get("depends_on"));
		assertThat(dependsOn).as("%s depends_on", module).containsKey("redis");
		dependsOn.forEach((name, condition) -> assertThat(map(condition, "depends_on").get("condition"))
			.as("%s waits for %s", module, name)
			.isEqualTo("service_healthy"));
		if (!module.equals("gateway")) {
			assertThat(dependsOn).as("%s depends_on", module).containsKey("mysql");
		}
	}

	@Test
	void composeRunsMysqlAndRedisWithHealthChecksAndPublishesOnlyTheGatewayAndZipkinOnLoopback() {
		Map<String, Object> services = map(compose.get("services"), "services");
		assertThat(services).containsKeys("mysql", "redis");
		assertThat(services).containsKeys(MODULES.toArray(String[]::new));
		assertThat(String.valueOf(composeService("mysql").get("image"))).startsWith("mysql:8.4");
		assertThat(String.valueOf(composeService("redis").get("image"))).startsWith("redis:7");
		assertThat(composeService("mysql")).containsKey("healthcheck");
		assertThat(composeService("redis")).containsKey("healthcheck");
		services.forEach((name, definition) -> {
			if (name.equals("zipkin")) {
				// Its UI is for the operator at the host, never for clients: loopback
				// only.
				List<String> zipkin = stringList(map(definition, name).get("ports"));
				assertThat(zipkin).as("zipkin ports").hasSize(1);
				assertThat(zipkin.get(0)).as("zipkin port mapping").startsWith("127.0.0.1:").endsWith(":9411");
			}
			else if (!name.equals("gateway")) {
				assertThat(map(definition, name)).as("%s must not be published", name).doesNotContainKey("ports");
			}
		});
		List<String> published = stringList(composeService("gateway").get("ports"));
		assertThat(published).as("gateway ports").hasSize(1);
		assertThat(published.get(0)).as("gateway port mapping").endsWith(":" + defaultPort("gateway"));
	}

	@ParameterizedTest
	@MethodSource("modules")
	void everyProcessSendsItsSpansToZipkinWhenConfigured(String module) {
		Map<String, Object> composeEnv = map(composeService(module).get("environment"), module + " environment");
		assertThat(String.valueOf(composeEnv.get("TRACING_ZIPKIN_ENDPOINT"))).as("%s in compose", module)
			.contains("http://zipkin:9411/api/v2/spans");
		assertThat(composeEnv).as("%s in compose", module).containsKey("TRACING_SAMPLING_PROBABILITY");
		assertThat(String.valueOf(composeService("zipkin").get("image"))).startsWith("openzipkin/zipkin:");

		Map<String, Object> k8sEnv = envByName(container(k8s("Deployment", module), module), module);
		for (String name : List.of("TRACING_ZIPKIN_ENDPOINT", "TRACING_SAMPLING_PROBABILITY")) {
			assertThat(get(k8sEnv.get(name), "valueFrom", "configMapKeyRef", "name")).as("%s %s in k8s", module, name)
				.isEqualTo("suite-config");
		}
		Map<String, Object> config = map(k8s("ConfigMap", "suite-config").get("data"), "suite-config data");
		assertThat(String.valueOf(config.get("TRACING_ZIPKIN_ENDPOINT"))).as("no Zipkin until one is configured")
			.isEmpty();
		assertThat(Double.parseDouble(String.valueOf(config.get("TRACING_SAMPLING_PROBABILITY")))).isBetween(0.0, 1.0);
	}

	@Test
	void dockerfileTakesTheModuleAsBuildArgAndRunsUnprivilegedOnJava25() throws IOException {
		String dockerfile = Files.readString(root.resolve("deploy/Dockerfile"));
		assertThat(dockerfile).contains("ARG MODULE", "ARG PORT", "EXPOSE ${PORT}",
				"${MODULE}/target/${MODULE}-${VERSION}.jar");
		List<String> froms = dockerfile.lines().filter((line) -> line.startsWith("FROM ")).toList();
		assertThat(froms).as("base images").isNotEmpty().allMatch((line) -> line.contains("eclipse-temurin:25-jre"));
		List<String> users = dockerfile.lines().filter((line) -> line.startsWith("USER ")).toList();
		assertThat(users).as("USER lines").isNotEmpty();
		String lastUser = users.get(users.size() - 1).substring("USER ".length()).trim();
		assertThat(lastUser).as("runs as").doesNotStartWith("root").doesNotStartWith("0:").isNotEqualTo("0");
		// The build context (the repository root) sends only the jars.
		assertThat(Files.readString(root.resolve("deploy/Dockerfile.dockerignore"))).contains("!*/target/*.jar");
	}

	// --- local scripts ----------------------------------------------------------------

	@ParameterizedTest
	@MethodSource("modules")
	void upScriptUsesTheSamePorts(String module) throws IOException {
		String up = Files.readString(root.resolve("deploy/local/up.sh"));
		String variable = UP_SH_PORT_VARIABLES.get(module);
		assertThat(up).as("up.sh default port of %s", module)
			.contains(variable + "=\"${" + variable + ":-" + defaultPort(module) + "}\"");
		assertThat(up).contains("/actuator/health");
	}

	@Test
	void upAndDownScriptsHandleEveryModuleWithTheGatewayStartedLastAndStoppedFirst() throws IOException {
		List<String> up = scriptModules("deploy/local/up.sh");
		List<String> down = scriptModules("deploy/local/down.sh");
		assertThat(up).as("up.sh MODULES").containsExactlyInAnyOrderElementsOf(MODULES).endsWith("gateway");
		assertThat(down).as("down.sh MODULES").containsExactlyInAnyOrderElementsOf(MODULES).startsWith("gateway");
		assertThat(up.indexOf("user-service")).as("user-service starts before the services that call it")
			.isLessThan(up.indexOf("passport-service"))
			.isLessThan(up.indexOf("article-service"))
			.isLessThan(up.indexOf("moments-service"));
		String upScript = Files.readString(root.resolve("deploy/local/up.sh"));
		URL_VARIABLES.forEach((module, variable) -> assertThat(upScript).as("up.sh exports %s", variable)
			.contains("export " + variable + "=\"${" + variable + ":-http://127.0.0.1:${"
					+ UP_SH_PORT_VARIABLES.get(module) + "}}\""));
	}

	@Test
	void everySchemaIsCreatedAndGrantedByTheMysqlInitAndCreatedByUpSh() throws IOException {
		String init = Files.readString(root.resolve("deploy/mysql/init.sh"));
		String up = Files.readString(root.resolve("deploy/local/up.sh"));
		SCHEMAS.forEach((module, schema) -> {
			assertThat(init).as("init.sh and %s", schema)
				.contains("CREATE DATABASE IF NOT EXISTS " + schema + " ")
				.contains("GRANT ALL PRIVILEGES ON " + schema + ".* TO '${MYSQL_USER}'@'%';");
			assertThat(up).as("up.sh and %s", schema).contains("CREATE DATABASE IF NOT EXISTS " + schema + ";");
		});
	}

	@Test
	void scriptsAreExecutableAndParse() throws Exception {
		List<Path> scripts = List.of(root.resolve("deploy/local/up.sh"), root.resolve("deploy/local/down.sh"),
				root.resolve("deploy/mysql/init.sh"), root.resolve(".ci/run"), root.resolve("bench/run.sh"));
		for (Path script : scripts) {
			assertThat(script).as("script").isRegularFile();
			assertThat(Files.isExecutable(script)).as("%s is executable", script).isTrue();
			assertThat(Files.readString(script)).as("%s", script).startsWith("#!").contains("set -euo pipefail");
			run(List.of("bash", "-n", script.toString()));
		}
		if (onPath("shellcheck")) {
			List<String> command = new ArrayList<>(List.of("shellcheck", "-x"));
			scripts.forEach((script) -> command.add(script.toString()));
			run(command);
		}
	}

	// --- helpers
	// ------------------------------------------------------------------------

	/** The words of a script's {@code MODULES=(...)} line, in order. */
	private static List<String> scriptModules(String script) throws IOException {
		List<String> lines = Files.readString(root.resolve(script))
			.lines()
			.filter((line) -> line.startsWith("MODULES=("))
			.toList();
		assertThat(lines).as("MODULES=(...) in %s", script).hasSize(1);
		String words = lines.get(0).substring("MODULES=(".length(), lines.get(0).lastIndexOf(')'));
		return List.of(words.trim().split("\\s+"));
	}

	/**
	 * The port a module listens on by default, read from its own application.yml
	 * ({@code server.port: ${SERVER_PORT:NNNN}} or a plain number).
	 */
	static int defaultPort(String module) {
		Path resources = root.resolve(module).resolve("src/main/resources");
		boolean configured = false;
		for (String name : List.of("application.yml", "application.yaml")) {
			Path file = resources.resolve(name);
			if (Files.isRegularFile(file)) {
				configured = true;
				for (Object document : loadAll(file)) {
					Map<String, Object> doc = optionalMap(document);
					if (get(doc, "spring", "config", "activate", "on-profile") != null) {
						continue;
					}
					Object port = doc.containsKey("server.port") ? doc.get("server.port") : get(doc, "server", "port");
					if (port != null) {
						return parsePort(port, file);
					}
				}
			}
		}
		Path properties = resources.resolve("application.properties");
		if (Files.isRegularFile(properties)) {
			configured = true;
			Properties values = new Properties();
			try (Reader reader = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
				values.load(reader);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			if (values.getProperty("server.port") != null) {
				return parsePort(values.getProperty("server.port"), properties);
			}
		}
		if (configured) {
			fail(module + " has a configuration file but declares no default server.port (expected "
					+ "server.port: ${SERVER_PORT:" + FALLBACK_PORTS.get(module) + "})");
		}
		// The service's configuration is not written yet: the ports of docs/design.md.
		return FALLBACK_PORTS.get(module);
	}

	/**
	 * Everything the module's own configuration and common's shared defaults say, or
	 * {@code null} while the module has no application.yml yet.
	 */
	private static String configurationText(String module) {
		Path resources = root.resolve(module).resolve("src/main/resources");
		if (!Files.isRegularFile(resources.resolve("application.yml"))) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		for (Path directory : List.of(resources, root.resolve("common/src/main/resources"))) {
			try (Stream<Path> files = Files.list(directory)) {
				for (Path file : files.filter((f) -> f.getFileName().toString().matches(".*\\.(yml|yaml|properties)"))
					.sorted()
					.toList()) {
					text.append(Files.readString(file)).append('\n');
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return text.toString();
	}

	/**
	 * Variables the prod profile cannot do without: placeholders in application-prod.yml
	 * without a default (or with an empty one), and the placeholders behind the
	 * properties it lists under {@code suite.prod-guard.secret-properties}.
	 */
	private static List<String> prodRequiredVariables(String module) {
		Path resources = root.resolve(module).resolve("src/main/resources");
		Path prod = resources.resolve("application-prod.yml");
		if (!Files.isRegularFile(prod)) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		Map<String, Object> base = new LinkedHashMap<>();
		if (Files.isRegularFile(resources.resolve("application.yml"))) {
			loadAll(resources.resolve("application.yml")).forEach((doc) -> flatten("", doc, base));
		}
		Map<String, Object> prodProperties = new LinkedHashMap<>();
		loadAll(prod).forEach((doc) -> flatten("", doc, prodProperties));
		prodProperties.values().forEach((value) -> names.addAll(requiredPlaceholders(String.valueOf(value))));
		Object guarded = prodProperties.get("suite.prod-guard.secret-properties");
		if (guarded != null) {
			for (String property : String.valueOf(guarded).replaceAll("[\\[\\]\\s]", "").split(",")) {
				Object value = prodProperties.containsKey(property) ? prodProperties.get(property) : base.get(property);
				Matcher matcher = PLACEHOLDER.matcher(String.valueOf(value));
				if (matcher.find()) {
					names.add(matcher.group(1));
				}
			}
		}
		names.add("INTERNAL_AUTH_SECRET"); // common's prod guard refuses the development
											// default
		return names.stream().distinct().toList();
	}

	private static List<String> requiredPlaceholders(String value) {
		List<String> names = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(value);
		while (matcher.find()) {
			if (matcher.group(2) == null || matcher.group(2).isEmpty()) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, Object node, Map<String, Object> into) {
		if (node instanceof Map<?, ?> map) {
			map.forEach(
					(key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
		}
		else if (node instanceof List<?> list && list.stream().anyMatch((item) -> item instanceof Map)) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), into);
			}
		}
		else if (node != null) {
			into.put(prefix, node);
		}
	}

	private static int parsePort(Object value, Path file) {
		if (value instanceof Number number) {
			return number.intValue();
		}
		String text = String.valueOf(value).trim();
		Matcher matcher = PORT_PLACEHOLDER.matcher(text);
		if (matcher.matches()) {
			return Integer.parseInt(matcher.group(1));
		}
		if (text.matches("\\d+")) {
			return Integer.parseInt(text);
		}
		return fail("server.port in " + file + " is neither a number nor ${SERVER_PORT:NNNN}: " + text);
	}

	private static void assertProbe(String module, Map<String, Object> container, String probe, String path, int port) {
		Map<String, Object> httpGet = map(get(container, probe, "httpGet"), module + " " + probe + ".httpGet");
		assertThat(httpGet.get("path")).as("%s %s path", module, probe).isEqualTo(path);
		assertThat(resolvePort(container, httpGet.get("port"))).as("%s %s port", module, probe).isEqualTo(port);
	}

	/** A numeric port, or a named one looked up in the container's ports. */
	private static int resolvePort(Map<String, Object> container, Object port) {
		if (port instanceof Number number) {
			return number.intValue();
		}
		for (Object entry : list(container.get("ports"), "ports")) {
			Map<String, Object> containerPort = map(entry, "port");
			if (String.valueOf(port).equals(containerPort.get("name"))) {
				return ((Number) containerPort.get("containerPort")).intValue();
			}
		}
		return fail("port " + port + " is neither a number nor a named container port");
	}

	private static void assertInClusterUrl(String url, String module) {
		assertThat(url).as("URL of %s", module).isNotNull();
		URI uri = URI.create(url);
		assertThat(uri.getScheme()).isEqualTo("http");
		assertThat(uri.getHost()).as("host of %s", url)
			.isIn(module, module + "." + NAMESPACE, module + "." + NAMESPACE + ".svc",
					module + "." + NAMESPACE + ".svc.cluster.local");
		Map<String, Object> service = k8s("Service", module);
		List<Object> ports = list(get(service, "spec", "ports"), "ports");
		assertThat(ports).extracting((p) -> map(p, "port").get("port"))
			.as("Service ports of %s", module)
			.contains(uri.getPort());
	}

	private static Map<String, Object> container(Map<String, Object> deployment, String module) {
		return map(list(get(deployment, "spec", "template", "spec", "containers"), module).get(0), module);
	}

	private static Map<String, Object> envByName(Map<String, Object> container, String module) {
		Map<String, Object> env = new LinkedHashMap<>();
		for (Object entry : list(container.get("env"), module + " env")) {
			Map<String, Object> variable = map(entry, "env");
			assertThat(env).as("%s env declared twice", module).doesNotContainKey((String) variable.get("name"));
			env.put((String) variable.get("name"), variable);
		}
		return env;
	}

	private static Map<String, Object> k8s(String kind, String name) {
		List<Map<String, Object>> found = k8s.stream()
			.filter((doc) -> kind.equals(doc.get("kind")) && name.equals(get(doc, "metadata", "name")))
			.toList();
		assertThat(found).as("%s %s in deploy/k8s", kind, name).hasSize(1);
		return found.get(0);
	}

	private static Map<String, Object> composeService(String name) {
		return map(get(compose, "services", name), "compose service " + name);
	}

	private static Object get(Object node, String... path) {
		Object current = node;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value, String what) {
		assertThat(value).as(what).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static Map<String, Object> optionalMap(Object value) {
		return (value == null) ? Map.of() : map(value, "mapping");
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value, String what) {
		assertThat(value).as(what).isInstanceOf(List.class);
		return (List<Object>) value;
	}

	private static List<String> stringList(Object value) {
		if (value instanceof String text) {
			return List.of(text);
		}
		return list(value, "list").stream().map(String::valueOf).toList();
	}

	private static boolean isYaml(Path file) {
		String name = file.getFileName().toString();
		return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
	}

	private static List<Object> loadAll(Path file) {
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			List<Object> documents = new ArrayList<>();
			yaml.loadAll(reader).forEach(documents::add);
			return documents;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + file, ex);
		}
	}

	private static void run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
		assertThat(process.exitValue()).as("%s:%n%s", String.join(" ", command), output).isZero();
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
				return true;
			}
		}
		return false;
	}

	/** Maven runs this module with cwd = e2e-tests/; walk up to the checkout root. */
	private static Path repositoryRoot() {
		Path current = Path.of("").toAbsolutePath();
		while (current != null) {
			if (Files.isDirectory(current.resolve("deploy")) && Files.isRegularFile(current.resolve("pom.xml"))
					&& Files.isRegularFile(current.resolve("mvnw"))) {
				return current;
			}
			current = current.getParent();
		}
		return fail("no repository root (with deploy/ and mvnw) above " + Path.of("").toAbsolutePath());
	}

}
