package com.contentsuite.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages depend on each other without cycles, so each can be read (and
 * changed) from its own files plus what it imports.
 */
class ModularityTests {

	private static final Path SOURCES = Path.of("src/main/java/com/contentsuite/gateway");

	private static final Pattern IMPORT = Pattern.compile("^import com\\.contentsuite\\.gateway\\.(\\w+)\\.[A-Z]",
			Pattern.MULTILINE);

	@Test
	void featurePackagesFormNoCycle() throws IOException {
		Map<String, Set<String>> uses = dependencies();

		assertThat(uses).isNotEmpty();
		for (String feature : uses.keySet()) {
			assertThat(reachable(feature, uses, new HashSet<>())).as("%s reaches itself through %s", feature, uses)
				.doesNotContain(feature);
		}
	}

	@Test
	void theRootPackageDependsOnNoFeature() throws IOException {
		try (Stream<Path> files = Files.list(SOURCES)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertThat(IMPORT.matcher(Files.readString(file)).find()).as(file.toString()).isFalse();
			}
		}
	}

	private static Map<String, Set<String>> dependencies() throws IOException {
		Map<String, Set<String>> uses = new HashMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Path relative = SOURCES.relativize(file);
				if (relative.getNameCount() < 2) {
					continue;
				}
				String feature = relative.getName(0).toString();
				Set<String> used = uses.computeIfAbsent(feature, (key) -> new HashSet<>());
				Matcher matcher = IMPORT.matcher(Files.readString(file));
				while (matcher.find()) {
					if (!matcher.group(1).equals(feature)) {
						used.add(matcher.group(1));
					}
				}
			}
		}
		return uses;
	}

	private static Set<String> reachable(String from, Map<String, Set<String>> uses, Set<String> seen) {
		for (String next : uses.getOrDefault(from, Set.of())) {
			if (seen.add(next)) {
				reachable(next, uses, seen);
			}
		}
		return seen;
	}

}
