package com.contentsuite.e2e.journey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The packaged jars extracted ({@code java -Djarmode=tools -jar ... extract}: the
 * application jar and {@code lib/}), which start faster than the nested jars of the
 * executable ones, and on a JDK 25+ each with an AOT cache (JEP 483, 514, 515) made by a
 * training run the first time that jar meets that JDK. The layout and the lock are
 * deploy/local/up.sh's (docs/startup.md), so a cache either of them trained serves both:
 * {@code <module>/target/aot-cache/<size>-<mtime>/} holds the extracted jar and
 * {@code jdk-<java.runtime.version>.aot}, with a {@code .ok} beside it once its training
 * finished; a lock directory beside it, named like it with {@code .lock} added and
 * holding the pid, marks a directory being prepared. {@code AOT_CACHE=off} in the
 * environment starts the executable jars as they are.
 */
final class ExtractedJars {

	/** What the JVM prints (and then goes on without) for a cache it cannot use. */
	static final String REFUSED = "error has occurred while processing the AOT cache";

	private static final long TRAINING_TIMEOUT_MINUTES = 10;

	/**
	 * How one service is started: {@code aotCache} is null when there is none.
	 */
	record Launch(Path jar, Path aotCache) {

		List<String> jvmOptions() {
			return (this.aotCache != null) ? List.of("-XX:AOTCache=" + this.aotCache) : List.of();
		}

	}

	private final boolean extract;

	private final boolean aot;

	private final String runtime;

	private final String java;

	private final Path logs;

	ExtractedJars(String java, Path logs) {
		String setting = Suite.env("AOT_CACHE", "auto");
		if (!setting.equals("auto") && !setting.equals("off")) {
			throw new IllegalStateException("AOT_CACHE must be auto or off, not '" + setting + "'");
		}
		this.extract = setting.equals("auto");
		this.runtime = System.getProperty("java.runtime.version", "").replaceAll("[^A-Za-z0-9._+-]", "_");
		this.aot = this.extract && Runtime.version().feature() >= 25 && !this.runtime.isEmpty();
		this.java = java;
		this.logs = logs;
	}

	/**
	 * The launch of each service, extracting and training what is missing (trainings run
	 * in parallel, as many as there are CPUs); {@code process} makes the process builder
	 * of a service's command with its environment.
	 */
	Map<String, Launch> prepare(Map<String, Path> jars, BiFunction<String, List<String>, ProcessBuilder> process)
			throws Exception {
		Map<String, Launch> launches = new LinkedHashMap<>();
		Map<String, Path> toTrain = new LinkedHashMap<>();
		for (Map.Entry<String, Path> entry : jars.entrySet()) {
			String service = entry.getKey();
			Path fat = entry.getValue().toAbsolutePath().normalize();
			launches.put(service, new Launch(fat, null));
			if (!this.extract) {
				continue;
			}
			Path root = fat.resolveSibling("aot-cache");
			Path dir = root.resolve(Files.size(fat) + "-" + Files.getLastModifiedTime(fat).to(TimeUnit.SECONDS));
			if (!lock(dir)) {
				log(service + ": " + dir + " is being prepared by another run; starting the executable jar");
				continue;
			}
			boolean keepLock = false;
			try {
				removeOld(root, dir);
				if (!Files.exists(dir.resolve(".extracted")) && !extract(service, fat, dir)) {
					continue;
				}
				Path jar = dir.resolve(fat.getFileName());
				launches.put(service, new Launch(jar, null));
				if (this.aot) {
					Path cache = dir.resolve("jdk-" + this.runtime + ".aot");
					if (Files.exists(ok(cache)) && Files.size(cache) > 0) {
						launches.put(service, new Launch(jar, cache));
					}
					else {
						Files.deleteIfExists(cache);
						Files.deleteIfExists(ok(cache));
						Files.deleteIfExists(config(cache));
						toTrain.put(service, jar);
						keepLock = true;
					}
				}
			}
			finally {
				if (!keepLock) {
					unlock(dir);
				}
			}
		}
		if (!toTrain.isEmpty()) {
			train(toTrain, launches, process);
		}
		return launches;
	}

	/**
	 * Drops a cache the JVM refused when starting {@code launch} (its log from
	 * {@code offset} on says so); the next run trains a new one.
	 */
	void checkUsed(String service, Launch launch, Path log, long offset) throws IOException {
		if (launch.aotCache() == null || !Files.exists(log)) {
			return;
		}
		try (InputStream in = Files.newInputStream(log)) {
			in.skipNBytes(Math.min(offset, Files.size(log)));
			String start = new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
			if (start.contains(REFUSED)) {
				log("WARNING: the JVM refused " + service + "'s AOT cache (see " + log + "); removed, the next run"
						+ " trains a new one");
				Files.deleteIfExists(ok(launch.aotCache()));
				Files.deleteIfExists(launch.aotCache());
			}
		}
	}

	private void train(Map<String, Path> toTrain, Map<String, Launch> launches,
			BiFunction<String, List<String>, ProcessBuilder> process) throws Exception {
		log("training AOT caches (once per build and JDK): " + String.join(" ", toTrain.keySet()));
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
		try {
			Map<String, Future<Boolean>> runs = new LinkedHashMap<>();
			toTrain.forEach((service, jar) -> runs.put(service, pool.submit(() -> train(service, jar, process))));
			for (Map.Entry<String, Future<Boolean>> run : runs.entrySet()) {
				String service = run.getKey();
				Path jar = toTrain.get(service);
				Path cache = jar.resolveSibling("jdk-" + this.runtime + ".aot");
				try {
					if (run.getValue().get()) {
						launches.put(service, new Launch(jar, cache));
					}
				}
				finally {
					unlock(jar.getParent());
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		log("training done in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + "s");
	}

	private boolean train(String service, Path jar, BiFunction<String, List<String>, ProcessBuilder> process)
			throws Exception {
		Path cache = jar.resolveSibling("jdk-" + this.runtime + ".aot");
		Path log = this.logs.resolve(service + "-aot-training.log").toAbsolutePath();
		long started = System.nanoTime();
		// The options deploy/local/up.sh trains with (none of the journeys' own), so the
		// cache serves both; in the extracted directory, so whatever the run writes to a
		// relative path stays there.
		Process training = process
			.apply(service,
					List.of(this.java, "-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar",
							jar.toString()))
			.directory(jar.getParent().toFile())
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		try {
			if (!training.waitFor(TRAINING_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
				log("WARNING: " + service + "'s training run took over " + TRAINING_TIMEOUT_MINUTES
						+ " minutes; starting it without an AOT cache");
				return false;
			}
		}
		finally {
			if (training.isAlive()) {
				training.destroyForcibly().waitFor();
			}
		}
		if (training.exitValue() != 0 || !Files.exists(cache) || Files.size(cache) == 0) {
			log("WARNING: " + service + "'s training run failed (exit " + training.exitValue() + ", " + log
					+ "); starting it without an AOT cache");
			Files.deleteIfExists(cache);
			Files.deleteIfExists(config(cache));
			return false;
		}
		Files.createFile(ok(cache));
		log(service + ": AOT cache trained in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + "s ("
				+ Files.size(cache) / (1024 * 1024) + " MB)");
		return true;
	}

	private boolean extract(String service, Path fat, Path dir) throws Exception {
		deleteRecursively(dir);
		Path log = this.logs.resolve(service + "-extract.log").toAbsolutePath();
		Process extraction = new ProcessBuilder(this.java, "-Djarmode=tools", "-jar", fat.toString(), "extract",
				"--destination", dir.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!extraction.waitFor(5, TimeUnit.MINUTES) || extraction.exitValue() != 0) {
			extraction.destroyForcibly();
			log("WARNING: could not extract " + fat + " (" + log + "); starting the executable jar");
			deleteRecursively(dir);
			return false;
		}
		Files.createFile(dir.resolve(".extracted"));
		Files.deleteIfExists(log);
		return true;
	}

	/**
	 * Removes the extracted copies in {@code root} other than {@code keep}, unless a
	 * process runs from one or another run is preparing it.
	 */
	private static void removeOld(Path root, Path keep) throws IOException {
		List<Path> entries;
		try (Stream<Path> list = Files.list(root)) {
			entries = list.filter((entry) -> !entry.equals(keep) && !entry.equals(lockOf(keep))).toList();
		}
		catch (NoSuchFileException ex) {
			return;
		}
		for (Path entry : entries) {
			if (entry.getFileName().toString().endsWith(".lock")) {
				if (!lockAlive(entry)) {
					deleteRecursively(entry);
				}
			}
			else if (Files.isDirectory(entry) && !Files.exists(lockOf(entry)) && !inUse(entry)) {
				deleteRecursively(entry);
			}
		}
	}

	private static boolean inUse(Path dir) {
		String prefix = dir + "/";
		return ProcessHandle.allProcesses()
			.map((handle) -> handle.info().commandLine().orElse(""))
			.anyMatch((commandLine) -> commandLine.contains(prefix));
	}

	private static boolean lock(Path dir) throws IOException {
		Path lock = lockOf(dir);
		Files.createDirectories(dir.getParent());
		try {
			Files.createDirectory(lock);
		}
		catch (FileAlreadyExistsException ex) {
			if (lockAlive(lock)) {
				return false;
			}
			deleteRecursively(lock);
			try {
				Files.createDirectory(lock);
			}
			catch (FileAlreadyExistsException again) {
				return false;
			}
		}
		Files.writeString(lock.resolve("pid"), ProcessHandle.current().pid() + "\n");
		return true;
	}

	private static void unlock(Path dir) throws IOException {
		deleteRecursively(lockOf(dir));
	}

	private static boolean lockAlive(Path lock) {
		try {
			long pid = Long.parseLong(Files.readString(lock.resolve("pid")).trim());
			return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		}
		catch (IOException | NumberFormatException ex) {
			// no pid (yet): a run that is just taking it, or one that died taking it
			return lockAge(lock).map((age) -> age < 10_000).orElse(false);
		}
	}

	private static Optional<Long> lockAge(Path lock) {
		try {
			return Optional.of(System.currentTimeMillis() - Files.getLastModifiedTime(lock).toMillis());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static Path lockOf(Path dir) {
		return dir.resolveSibling(dir.getFileName() + ".lock");
	}

	/** The JVM's intermediate file, left behind when a training run is cut short. */
	private static Path config(Path cache) {
		return cache.resolveSibling(cache.getFileName() + ".config");
	}

	private static Path ok(Path cache) {
		return cache.resolveSibling(cache.getFileName() + ".ok");
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		List<Path> all;
		try (Stream<Path> walk = Files.walk(path)) {
			all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
		}
		for (Path each : all) {
			Files.deleteIfExists(each);
		}
	}

	private static void log(String message) {
		System.out.println("[e2e] " + message);
	}

}
