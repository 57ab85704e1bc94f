package com.contentsuite.passport;

import com.contentsuite.testsupport.FeatureGraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages form a layered graph: no two features depend on each other,
 * however indirectly, so each can be read and changed on its own.
 */
class ModularityTests {

	private final FeatureGraph graph = FeatureGraph.of("com.contentsuite.passport");

	@Test
	void featurePackagesHaveNoDependencyCycles() {
		assertThat(this.graph.features()).contains("account", "captcha", "login", "password", "register", "session",
				"sync", "token");
		for (String feature : this.graph.features()) {
			assertThat(this.graph.reachableFrom(feature)).as("features that %s reaches", feature)
				.doesNotContain(feature);
		}
	}

	@Test
	void theFoundationsDependOnNoOtherFeature() {
		assertThat(this.graph.uses("token")).isEmpty();
		assertThat(this.graph.uses("captcha")).isEmpty();
		assertThat(this.graph.uses("sync")).isEmpty();
		assertThat(this.graph.uses("lockout")).isEmpty();
	}

}
