package com.contentsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which feature packages of a module import which others, read from the module's main
 * sources, so each module's ModularityTests can state its rules (no cycles, foundations
 * that depend on nothing).
 */
public final class FeatureGraph {

	private final Map<String, Set<String>> uses;

	private final Set<Path> rootFiles;

	private final Pattern imports;

	private FeatureGraph(Map<String, Set<String>> uses, Set<Path> rootFiles, Pattern imports) {
		this.uses = uses;
		this.rootFiles = rootFiles;
		this.imports = imports;
	}

	/** Reads {@code src/main/java/<basePackage>} of the module the test runs in. */
	public static FeatureGraph of(String basePackage) {
		Path sources = Path.of("src/main/java", basePackage.split("\\."));
		Pattern imports = Pattern.compile("^import (?:static )?" + Pattern.quote(basePackage) + "\\.(\\w+)\\.",
				Pattern.MULTILINE);
		Map<String, Set<String>> uses = new TreeMap<>();
		Set<Path> rootFiles = new TreeSet<>();
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Path relative = sources.relativize(file);
				if (relative.getNameCount() < 2) {
					rootFiles.add(file);
					continue;
				}
				String feature = relative.getName(0).toString();
				Set<String> used = uses.computeIfAbsent(feature, (key) -> new TreeSet<>());
				Matcher matcher = imports.matcher(Files.readString(file));
				while (matcher.find()) {
					if (!matcher.group(1).equals(feature)) {
						used.add(matcher.group(1));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new FeatureGraph(uses, rootFiles, imports);
	}

	public Set<String> features() {
		return this.uses.keySet();
	}

	/** The features {@code feature} imports directly. */
	public Set<String> uses(String feature) {
		return this.uses.getOrDefault(feature, Set.of());
	}

	/**
	 * Every feature {@code feature} reaches through imports; it contains {@code feature}
	 * on a cycle.
	 */
	public Set<String> reachableFrom(String feature) {
		Set<String> seen = new TreeSet<>();
		Deque<String> queue = new ArrayDeque<>(uses(feature));
		while (!queue.isEmpty()) {
			String next = queue.pop();
			if (seen.add(next)) {
				queue.addAll(uses(next));
			}
		}
		return seen;
	}

	/** Files directly in the base package that import a feature package. */
	public Set<Path> rootFilesImportingAFeature() {
		Set<Path> importing = new TreeSet<>();
		for (Path file : this.rootFiles) {
			try {
				if (this.imports.matcher(Files.readString(file)).find()) {
					importing.add(file);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return importing;
	}

}
