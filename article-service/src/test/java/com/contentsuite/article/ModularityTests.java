package com.contentsuite.article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.contentsuite.testsupport.FeatureGraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article core depends on no other feature, only {@code author} talks to
 * user-service, and features depend on each other without cycles.
 */
class ModularityTests {

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
	void onlyTheAuthorFeatureCallsUserService() throws IOException {
		Path sources = Path.of("src/main/java/com/contentsuite/article");
		try (Stream<Path> files = Files.walk(sources)) {
			List<String> clients = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> read(file).contains("@FeignClient"))
				.map((file) -> sources.relativize(file).toString())
				.toList();
			assertThat(clients).containsExactly("author/UserServiceClient.java");
		}
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
