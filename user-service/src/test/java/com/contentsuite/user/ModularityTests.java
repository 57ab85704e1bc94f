package com.contentsuite.user;

import com.contentsuite.testsupport.FeatureGraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feature packages depend on each other without cycles, and the profile core on no other
 * feature, so the relations, avatar and verification features can grow around it.
 */
class ModularityTests {

	private final FeatureGraph graph = FeatureGraph.of("com.contentsuite.user");

	@Test
	void featuresDependOnEachOtherWithoutCycles() {
		assertThat(this.graph.features()).contains("profile", "account", "brief", "verification");
		for (String feature : this.graph.features()) {
			assertThat(this.graph.reachableFrom(feature)).as("features %s reaches", feature).doesNotContain(feature);
		}
	}

	@Test
	void theProfileCoreDependsOnNoOtherFeature() {
		assertThat(this.graph.uses("profile")).isEmpty();
	}

}
