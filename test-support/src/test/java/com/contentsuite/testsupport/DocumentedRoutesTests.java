package com.contentsuite.testsupport;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DocumentedRoutes} against the fixture controllers: a check that cannot fail
 * would let every service's contract test pass whatever the contract says.
 */
class DocumentedRoutesTests {

	private static final String MAPPED = "com.contentsuite.testsupport.fixture.mapped";

	private static final String PUBLIC_ROWS = """
			## 1. Fixture
			| method, path | auth |
			| --- | --- |
			| GET `/fixture/a` | none |
			| GET `/fixture/b/{fixtureID}?expand=` | none |
			| GET `/alias/a` | none |
			| GET `/alias/b/{id}` | none |
			| GET `/fixture/c` | none |
			| POST `/fixture/c` | none |
			| GET `/alias/c` | none |
			| GET `/files/{key}` | none |
			| PUT `/page/` | none |
			""";

	private static final String COMPLETE = PUBLIC_ROWS + """
			| POST `/alias/c` | none |

			## Internal routes (service to service)
			| POST `/internal/fixture/sync` | sibling |
			""";

	@Test
	void aContractWithEveryRoutePasses() {
		assertDoesNotThrow(() -> DocumentedRoutes.assertEveryRouteDocumentedIn(COMPLETE, MAPPED));
	}

	@Test
	void aMissingRouteIsNamedWithItsMethodAndController() {
		String contract = COMPLETE.replace("| POST `/alias/c` | none |\n", "");

		AssertionError failure = assertThrows(AssertionError.class,
				() -> DocumentedRoutes.assertEveryRouteDocumentedIn(contract, MAPPED));

		assertTrue(
				failure.getMessage()
					.contains("POST /alias/c (com.contentsuite.testsupport.fixture.mapped.FixtureController)"),
				failure.getMessage());
		assertFalse(failure.getMessage().contains("GET /alias/c"), failure.getMessage());
	}

	@Test
	void anInternalRouteMustStandUnderTheInternalHeading() {
		String contract = PUBLIC_ROWS + "| POST `/alias/c` | none |\n| POST `/internal/fixture/sync` | sibling |\n";

		AssertionError failure = assertThrows(AssertionError.class,
				() -> DocumentedRoutes.assertEveryRouteDocumentedIn(contract, MAPPED));

		assertTrue(failure.getMessage().contains("POST /internal/fixture/sync"), failure.getMessage());
		assertTrue(failure.getMessage().contains("\"Internal routes\""), failure.getMessage());
	}

	@Test
	void aPathVariableDoesNotDocumentAFixedPathBesideIt() {
		String contract = COMPLETE.replace("| GET `/fixture/a` | none |\n", "| GET `/fixture/{name}` | none |\n");

		AssertionError failure = assertThrows(AssertionError.class,
				() -> DocumentedRoutes.assertEveryRouteDocumentedIn(contract, MAPPED));

		assertTrue(failure.getMessage().contains("GET /fixture/a "), failure.getMessage());
	}

	@Test
	void aCatchAllNeedsARowOfTheSameMethodAtOrAboveItsPrefix() {
		String otherPrefix = COMPLETE.replace("GET `/files/{key}`", "GET `/images/{key}`");
		String otherMethod = COMPLETE.replace("GET `/files/{key}`", "POST `/files/{key}`");

		for (String contract : new String[] { otherPrefix, otherMethod }) {
			AssertionError failure = assertThrows(AssertionError.class,
					() -> DocumentedRoutes.assertEveryRouteDocumentedIn(contract, MAPPED));
			assertTrue(failure.getMessage().contains("GET /files/pictures/**"), failure.getMessage());
		}
	}

	@Test
	void aMappingOfEveryMethodIsReported() {
		AssertionError failure = assertThrows(AssertionError.class, () -> DocumentedRoutes
			.assertEveryRouteDocumentedIn("| GET `/any` |", "com.contentsuite.testsupport.fixture.unrestricted"));

		assertTrue(failure.getMessage().contains("* /any"), failure.getMessage());
	}

	@Test
	void aPackageWithoutControllersFails() {
		assertThrows(AssertionError.class,
				() -> DocumentedRoutes.assertEveryRouteDocumentedIn(COMPLETE, "com.contentsuite.nothing.here"));
	}

	@Test
	void theRepositoryContractIsFoundFromTheModuleDirectory() {
		// docs/api.md names no fixture route, so finding and reading it fails on them.
		AssertionError failure = assertThrows(AssertionError.class,
				() -> DocumentedRoutes.assertEveryRouteDocumented(MAPPED));

		assertTrue(failure.getMessage().startsWith("controller routes missing from docs/api.md"), failure.getMessage());
	}

}
