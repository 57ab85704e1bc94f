package com.contentsuite.article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.contentsuite.testsupport.FeatureGraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article core depends on no other feature, features depend on each other without
 * cycles, and user-service is reached only through user-client's beans, from the
 * {@code author} feature (any other caller, or a Feign client of article's own, fails the
 * test).
 */
class ModularityTests {

	// The beans of user-client that call user-service (BriefUser, a record, may go
	// anywhere).
	private static final Pattern USER_CLIENT_CALLS = Pattern
		.compile("com\\.contentsuite\\.userclient\\.(\\*|BriefUsers\\b|Relations\\b|UserServiceClient\\b)");

	private final FeatureGraph graph = FeatureGraph.of("com.contentsuite.article");

	@Test
	void featuresDependOnEachOtherWithoutCycles() {
		assertThat(this.graph.features()).contains("article", "author", "like", "collection", "hit", "hot", "comment",
				"listing");
		for (String feature : this.graph.features()) {
			assertThat(this.graph.reachableFrom(feature)).as("features %s reaches", feature).doesNotContain(feature);
		}
	}

	@Test
	void theArticleCoreDependsOnNoOtherFeature() {
		assertThat(this.graph.uses("article")).isEmpty();
	}

	@Test
	void userServiceIsReachedOnlyThroughUserClientFromTheNamedPlaces() throws IOException {
		Path sources = Path.of("src/main/java/com/contentsuite/article");
		Map<String, Set<String>> callers = new TreeMap<>();
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String text = read(file);
				assertThat(text).as(file.toString()).doesNotContain("@FeignClient");
				Matcher matcher = USER_CLIENT_CALLS.matcher(text);
				while (matcher.find()) {
					callers.computeIfAbsent(sources.relativize(file).toString(), (key) -> new TreeSet<>())
						.add(matcher.group(1));
				}
			}
		}
		// Only the author feature: the blacklist rule and the brief users of pages.
		assertThat(callers).containsExactlyInAnyOrderEntriesOf(
				Map.of("author/Blacklist.java", Set.of("Relations"), "author/Authors.java", Set.of("BriefUsers")));
		assertThat(this.graph.uses("author")).isEmpty();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
