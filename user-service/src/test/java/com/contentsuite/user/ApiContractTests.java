package com.contentsuite.user;

import com.contentsuite.testsupport.DocumentedRoutes;
import org.junit.jupiter.api.Test;

/**
 * Every route this service maps has its row in docs/api.md, so the contract cannot fall
 * behind the code. image-storage's auto-configured file controller is scanned too: this
 * service serves its {@code /files/**}.
 */
class ApiContractTests {

	@Test
	void everyControllerRouteIsInTheContract() {
		DocumentedRoutes.assertEveryRouteDocumented("com.contentsuite.user", "com.contentsuite.images");
	}

}
