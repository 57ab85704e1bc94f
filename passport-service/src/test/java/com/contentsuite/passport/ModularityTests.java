package com.contentsuite.passport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages form a layered graph: no two features depend on each other,
 * however indirectly, so each can be read and changed on its own.
 */
class ModularityTests {

	private static final Path SOURCES = Path.of("src/main/java/com/contentsuite/passport");

	private static final Pattern IMPORT = Pattern.compile("^import com\\.contentsuite\\.passport\\.(\\w+)\\.",
			Pattern.MULTILINE);

	@Test
	void featurePackagesHaveNoDependencyCycles() throws IOException {
		Map<String, Set<String>> graph = dependencies();
		assertThat(graph).containsKeys("account", "captcha", "login", "password", "register", "session", "sync",
				"token");
		for (String feature : graph.keySet()) {
			assertThat(reachable(graph, feature)).as("features that %s reaches", feature).doesNotContain(feature);
		}
	}

	@Test
	void theFoundationsDependOnNoOtherFeature() throws IOException {
		Map<String, Set<String>> graph = dependencies();
		assertThat(graph.get("token")).isEmpty();
		assertThat(graph.get("captcha")).isEmpty();
		assertThat(graph.get("sync")).isEmpty();
		assertThat(graph.get("lockout")).isEmpty();
	}

	private static Map<String, Set<String>> dependencies() throws IOException {
		Map<String, Set<String>> graph = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Path relative = SOURCES.relativize(file);
				if (relative.getNameCount() < 2) {
					continue;
				}
				String feature = relative.getName(0).toString();
				Set<String> uses = graph.computeIfAbsent(feature, (key) -> new TreeSet<>());
				Matcher matcher = IMPORT.matcher(Files.readString(file));
				while (matcher.find()) {
					if (!matcher.group(1).equals(feature)) {
						uses.add(matcher.group(1));
					}
				}
			}
		}
		return graph;
	}

	private static Set<String> reachable(Map<String, Set<String>> graph, String start) {
		Set<String> seen = new HashSet<>();
		List<String> queue = new ArrayList<>(graph.getOrDefault(start, Set.of()));
		while (!queue.isEmpty()) {
			String next = queue.remove(queue.size() - 1);
			if (seen.add(next)) {
				queue.addAll(graph.getOrDefault(next, Set.of()));
			}
		}
		return seen;
	}

}
