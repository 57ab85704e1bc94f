package com.contentsuite.user;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails when the feature packages stop being modules: a dependency cycle between
 * features, or the profile core reaching into a feature built on top of it.
 */
class ModularityTests {

	private static final Path SOURCES = Path.of("src/main/java/com/contentsuite/user");

	private static final Pattern IMPORT = Pattern.compile("^import (?:static )?com\\.contentsuite\\.user\\.(\\w+)\\.",
			Pattern.MULTILINE);

	@Test
	void featuresDependOnEachOtherWithoutCycles() throws IOException {
		Map<String, Set<String>> dependencies = dependencies();

		assertThat(dependencies).containsKeys("profile", "account", "brief");
		for (String feature : dependencies.keySet()) {
			assertThat(reachable(feature, dependencies)).as("features %s reaches", feature).doesNotContain(feature);
		}
	}

	@Test
	void theProfileCoreDependsOnNoOtherFeature() throws IOException {
		assertThat(dependencies().get("profile")).isEmpty();
	}

	private static Map<String, Set<String>> dependencies() throws IOException {
		Map<String, Set<String>> dependencies = new HashMap<>();
		List<Path> features;
		try (Stream<Path> children = Files.list(SOURCES)) {
			features = children.filter(Files::isDirectory).toList();
		}
		for (Path feature : features) {
			String name = feature.getFileName().toString();
			Set<String> used = dependencies.computeIfAbsent(name, (key) -> new HashSet<>());
			try (Stream<Path> files = Files.walk(feature)) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
					Matcher imports = IMPORT.matcher(Files.readString(file));
					while (imports.find()) {
						if (!imports.group(1).equals(name)) {
							used.add(imports.group(1));
						}
					}
				}
			}
		}
		return dependencies;
	}

	private static Set<String> reachable(String start, Map<String, Set<String>> dependencies) {
		Set<String> seen = new HashSet<>();
		List<String> todo = new ArrayList<>(dependencies.getOrDefault(start, Set.of()));
		while (!todo.isEmpty()) {
			String next = todo.remove(todo.size() - 1);
			if (seen.add(next)) {
				todo.addAll(dependencies.getOrDefault(next, Set.of()));
			}
		}
		return seen;
	}

}
