package com.contentsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Holds a service's controllers to docs/api.md: every route they map must appear there as
 * a method followed by its path in backticks, and every {@code /internal/**} route under
 * the "Internal routes" heading. A route added without its contract row fails the build
 * of the service that added it, not a client later.
 * <p>
 * Paths are compared after normalising: every path variable is {@code {}}, a query string
 * and a trailing slash are dropped. A controller catch-all ({@code /files/**}) is
 * documented by a row naming one key below the same prefix, or below a shorter one
 * ({@code /files/{key}}), because a client addresses one file, never the pattern. The
 * prefix rule applies only to controller catch-alls, so {@code GET /users/{userID}} does
 * not document {@code GET /users/me}.
 */
public final class DocumentedRoutes {

	private static final Pattern DOCUMENTED = Pattern.compile("\\b(GET|POST|PUT|DELETE|PATCH)\\s+`(/[^`\\s]*)`");

	private static final Pattern VARIABLE = Pattern.compile("\\{[^}/]*}");

	private static final String INTERNAL_HEADING = "internal routes";

	private static final String INTERNAL_PREFIX = "/internal/";

	private DocumentedRoutes() {
	}

	/**
	 * Checks the controllers under {@code basePackages} against the repository's
	 * docs/api.md, found from the working directory upwards (Surefire runs in the module
	 * directory).
	 * @param basePackages the packages to scan, a service's root and any library package
	 * whose controllers it serves
	 */
	public static void assertEveryRouteDocumented(String... basePackages) {
		assertEveryRouteDocumented(contract(), basePackages);
	}

	/**
	 * Checks the controllers under {@code basePackages} against one markdown file.
	 * @param document the markdown file
	 * @param basePackages the packages to scan
	 */
	public static void assertEveryRouteDocumented(Path document, String... basePackages) {
		try {
			assertEveryRouteDocumentedIn(Files.readString(document, StandardCharsets.UTF_8), basePackages);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Checks the controllers under {@code basePackages} against markdown text.
	 * @param markdown the contract's text
	 * @param basePackages the packages to scan
	 */
	public static void assertEveryRouteDocumentedIn(String markdown, String... basePackages) {
		List<Route> mapped = mappedRoutes(basePackages);
		if (mapped.isEmpty()) {
			// A wrong package name would otherwise pass without checking anything.
			throw new AssertionError("no controller routes found under " + String.join(", ", basePackages));
		}
		List<Documented> documented = documentedRoutes(markdown);
		Set<String> missing = new TreeSet<>();
		for (Route route : mapped) {
			if (route.method() == null) {
				missing.add("* " + route.path() + " (" + route.controller()
						+ "): maps every HTTP method; the contract names one, so map one");
			}
			else if (documented.stream().noneMatch((row) -> row.documents(route))) {
				missing.add(route.method() + " " + route.path() + " (" + route.controller() + ")"
						+ (route.isInternal() ? " under the \"Internal routes\" heading" : ""));
			}
		}
		if (!missing.isEmpty()) {
			throw new AssertionError("controller routes missing from docs/api.md:\n  " + String.join("\n  ", missing));
		}
	}

	private static Path contract() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null) {
			Path candidate = directory.resolve("docs").resolve("api.md");
			if (Files.isRegularFile(candidate) && Files.isRegularFile(directory.resolve("pom.xml"))) {
				return candidate;
			}
			directory = directory.getParent();
		}
		throw new AssertionError("no docs/api.md beside a pom.xml above " + Path.of("").toAbsolutePath());
	}

	static List<Route> mappedRoutes(String... basePackages) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		Set<String> classNames = new TreeSet<>();
		for (String basePackage : basePackages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				classNames.add(candidate.getBeanClassName());
			}
		}
		List<Route> routes = new ArrayList<>();
		for (String className : classNames) {
			Class<?> type = ClassUtils.resolveClassName(className, DocumentedRoutes.class.getClassLoader());
			routes.addAll(routesOf(type));
		}
		return routes;
	}

	private static List<Route> routesOf(Class<?> type) {
		RequestMapping typeMapping = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
		String[] prefixes = pathsOf(typeMapping);
		Set<Route> routes = new LinkedHashSet<>();
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
			RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
			if (mapping == null) {
				continue;
			}
			// A method without methods of its own inherits the class-level ones, as
			// Spring
			// maps it; none at either level means every method.
			RequestMethod[] methods = (mapping.method().length > 0) ? mapping.method()
					: (typeMapping != null) ? typeMapping.method() : new RequestMethod[0];
			for (String prefix : prefixes) {
				for (String path : pathsOf(mapping)) {
					String combined = combine(prefix, path);
					if (methods.length == 0) {
						routes.add(new Route(null, combined, type.getName()));
					}
					for (RequestMethod requestMethod : methods) {
						routes.add(new Route(requestMethod.name(), combined, type.getName()));
					}
				}
			}
		}
		return new ArrayList<>(routes);
	}

	private static String[] pathsOf(RequestMapping mapping) {
		return (mapping == null || mapping.path().length == 0) ? new String[] { "" } : mapping.path();
	}

	private static String combine(String prefix, String path) {
		String joined = trimTrailingSlash(prefix) + (path.isEmpty() || path.startsWith("/") ? path : "/" + path);
		return joined.isEmpty() ? "/" : joined;
	}

	static List<Documented> documentedRoutes(String markdown) {
		List<Documented> rows = new ArrayList<>();
		boolean internalSection = false;
		for (String line : markdown.split("\n", -1)) {
			if (line.startsWith("#")) {
				internalSection = line.replaceFirst("^#+", "").strip().toLowerCase().startsWith(INTERNAL_HEADING);
				continue;
			}
			Matcher matcher = DOCUMENTED.matcher(line);
			while (matcher.find()) {
				rows.add(new Documented(matcher.group(1), normalise(matcher.group(2)), internalSection));
			}
		}
		return rows;
	}

	static String normalise(String path) {
		int query = path.indexOf('?');
		String bare = (query >= 0) ? path.substring(0, query) : path;
		String normalised = trimTrailingSlash(VARIABLE.matcher(bare).replaceAll("{}"));
		return normalised.isEmpty() ? "/" : normalised;
	}

	private static String trimTrailingSlash(String path) {
		return (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

	/**
	 * One controller route.
	 *
	 * @param method the HTTP method, {@code null} when the mapping takes every method
	 * @param path the mapped path as written (class and method level combined)
	 * @param controller the controller's class name
	 */
	record Route(String method, String path, String controller) {

		boolean isInternal() {
			return this.path.startsWith(INTERNAL_PREFIX);
		}

	}

	/**
	 * One method-and-path occurrence in the contract.
	 *
	 * @param method the HTTP method
	 * @param path the normalised path
	 * @param internal whether it stands under the "Internal routes" heading
	 */
	record Documented(String method, String path, boolean internal) {

		boolean documents(Route route) {
			// An internal route documented among public ones would read as routed by
			// the gateway; a public one in the internal list as unreachable.
			if (!this.method.equals(route.method()) || this.internal != route.isInternal()) {
				return false;
			}
			String mapped = normalise(route.path());
			if (this.path.equals(mapped)) {
				return true;
			}
			if (!mapped.endsWith("/**")) {
				return false;
			}
			String mappedBase = mapped.substring(0, mapped.length() - "/**".length());
			String documentedBase = catchAllBase(this.path);
			return documentedBase != null
					&& (mappedBase.equals(documentedBase) || mappedBase.startsWith(documentedBase + "/"));
		}

		private static String catchAllBase(String path) {
			if (path.endsWith("/{}")) {
				return path.substring(0, path.length() - "/{}".length());
			}
			if (path.endsWith("/**")) {
				return path.substring(0, path.length() - "/**".length());
			}
			return null;
		}

	}

}
