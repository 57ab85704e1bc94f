package com.contentsuite.moments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.contentsuite.testsupport.FeatureGraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The moment core depends on no other feature, only {@code people} calls user-service,
 * and features depend on each other without cycles.
 */
class ModularityTests {

	private static final Path SOURCES = Path.of("src/main/java/com/contentsuite/moments");

	/**
	 * user-client's beans that call user-service (Notifications through the outbox); its
	 * {@code BriefUser} record is data.
	 */
	private static final Pattern CALLS_USER_SERVICE = Pattern
		.compile("import com\\.contentsuite\\.userclient\\.(BriefUsers|Relations|Notifications|UserServiceClient);");

	private final FeatureGraph graph = FeatureGraph.of("com.contentsuite.moments");

	@Test
	void featuresDependOnEachOtherWithoutCycles() {
		assertThat(this.graph.features()).contains("moment", "people", "like", "comment", "feed", "image");
		for (String feature : this.graph.features()) {
			assertThat(this.graph.reachableFrom(feature)).as("features %s reaches", feature).doesNotContain(feature);
		}
	}

	@Test
	void theMomentCoreDependsOnNoOtherFeature() {
		assertThat(this.graph.uses("moment")).isEmpty();
	}

	@Test
	void onlyThePeopleFeatureCallsUserService() {
		assertThat(filesMatching(CALLS_USER_SERVICE)).isNotEmpty().allMatch((file) -> file.startsWith("people/"));
		assertThat(filesMatching(Pattern.compile("@FeignClient"))).isEmpty();
		assertThat(this.graph.uses("people")).containsOnly("moment");
	}

	private static List<String> filesMatching(Pattern pattern) {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> pattern.matcher(read(file)).find())
				.map((file) -> SOURCES.relativize(file).toString())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
