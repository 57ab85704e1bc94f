package com.contentsuite.gateway;

import com.contentsuite.testsupport.FeatureGraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages depend on each other without cycles, so each can be read (and
 * changed) from its own files plus what it imports.
 */
class ModularityTests {

	private final FeatureGraph graph = FeatureGraph.of("com.contentsuite.gateway");

	@Test
	void featurePackagesFormNoCycle() {
		assertThat(this.graph.features()).isNotEmpty();
		for (String feature : this.graph.features()) {
			assertThat(this.graph.reachableFrom(feature)).as("%s reaches itself", feature).doesNotContain(feature);
		}
	}

	@Test
	void theRootPackageDependsOnNoFeature() {
		assertThat(this.graph.rootFilesImportingAFeature()).isEmpty();
	}

}
