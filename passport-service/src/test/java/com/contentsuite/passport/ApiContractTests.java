package com.contentsuite.passport;

import com.contentsuite.testsupport.DocumentedRoutes;
import org.junit.jupiter.api.Test;

/**
 * Every route this service maps has its row in docs/api.md, so the contract cannot fall
 * behind the code.
 */
class ApiContractTests {

	@Test
	void everyControllerRouteIsInTheContract() {
		DocumentedRoutes.assertEveryRouteDocumented("com.contentsuite.passport");
	}

}
