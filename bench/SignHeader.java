/*
 * bench/SignHeader.java - prints an X-Internal-Auth header value, signed as the gateway would sign a
 * forwarded request, so a benchmark can call a service port directly.
 *
 * Usage (single-file source launch, Java 17+, common's jar on the class path):
 *   java -cp common/target/common-0.1.0-SNAPSHOT.jar bench/SignHeader.java METHOD PATH USER_ID OPERATION_ID
 * Environment: INTERNAL_AUTH_SECRET (default: the suite's development secret), INTERNAL_AUTH_CALLER
 * (default gateway). The signature is good for 60 s (the services' allowed skew).
 */

import java.time.Clock;

import com.contentsuite.common.internal.InternalAuth;

public class SignHeader {

	// DEVELOPMENT DEFAULT of the suite (common's suite-defaults.properties); the prod profile refuses it.
	private static final String DEV_SECRET = "dev-only-internal-secret-change-me-0123456789abcdef";

	public static void main(String[] args) {
		if (args.length != 4) {
			System.err.println("usage: SignHeader METHOD PATH USER_ID OPERATION_ID");
			System.exit(64);
		}
		String secret = env("INTERNAL_AUTH_SECRET", DEV_SECRET);
		String caller = env("INTERNAL_AUTH_CALLER", InternalAuth.GATEWAY_CALLER);
		InternalAuth auth = new InternalAuth(secret, 60_000, caller, Clock.systemUTC());
		System.out.println(auth.sign(args[0], args[1], args[2], args[3]));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isEmpty()) ? fallback : value;
	}

}
