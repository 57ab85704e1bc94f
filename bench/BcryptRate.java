/*
 * bench/BcryptRate.java - how many bcrypt password checks per second this machine does at a given
 * cost, on a given number of threads, for a fixed time: the ceiling for logins per second.
 *
 * Usage (single-file source launch; spring-security-crypto and commons-logging on the class path):
 *   java -cp spring-security-crypto.jar:commons-logging.jar bench/BcryptRate.java COST THREADS SECONDS
 * Prints one line: "<checks per second> <checks> <seconds>".
 */

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

public class BcryptRate {

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: BcryptRate COST THREADS SECONDS");
			System.exit(64);
		}
		int cost = Integer.parseInt(args[0]);
		int threads = Integer.parseInt(args[1]);
		double seconds = Double.parseDouble(args[2]);
		BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(cost);
		String password = "bench-Password-0123";
		String hash = encoder.encode(password);
		if (!hash.startsWith("$2a$" + String.format("%02d", cost) + "$")) {
			throw new IllegalStateException("unexpected hash format: " + hash.substring(0, 7));
		}
		// Warm-up: let the JIT compile the hot loop before the clock starts.
		long warmupEnd = System.nanoTime() + 2_000_000_000L;
		while (System.nanoTime() < warmupEnd) {
			encoder.matches(password, hash);
		}
		AtomicBoolean running = new AtomicBoolean(true);
		LongAdder checks = new LongAdder();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Thread worker = new Thread(() -> {
				while (running.get()) {
					if (!encoder.matches(password, hash)) {
						throw new IllegalStateException("bcrypt check failed");
					}
					checks.increment();
				}
			}, "bcrypt-" + i);
			workers.add(worker);
		}
		long start = System.nanoTime();
		workers.forEach(Thread::start);
		Thread.sleep((long) (seconds * 1000));
		running.set(false);
		for (Thread worker : workers) {
			worker.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long total = checks.sum();
		System.out.printf("%.1f %d %.2f%n", total / elapsed, total, elapsed);
	}

}
