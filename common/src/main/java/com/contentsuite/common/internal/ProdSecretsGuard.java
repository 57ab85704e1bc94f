package com.contentsuite.common.internal;

import java.util.Arrays;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;

/**
 * Refuses to start the {@code prod} profile with a development default secret. Other
 * modules name their own secret properties through
 * {@code suite.prod-guard.secret-properties}.
 */
public class ProdSecretsGuard implements InitializingBean {

	private final Environment environment;

	public ProdSecretsGuard(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		if (!Arrays.asList(this.environment.getActiveProfiles()).contains("prod")) {
			return;
		}
		String[] names = this.environment.getProperty("suite.prod-guard.secret-properties", String[].class,
				new String[0]);
		for (String name : concat("suite.internal-auth.secret", names)) {
			String value = this.environment.getProperty(name);
			if (value == null || value.isBlank() || value.startsWith(InternalAuthProperties.DEV_PREFIX)) {
				throw new IllegalStateException("Profile 'prod' needs a real value for " + name
						+ " (the development default is refused); set it through the environment");
			}
		}
	}

	private static String[] concat(String first, String[] rest) {
		String[] all = new String[rest.length + 1];
		all[0] = first;
		System.arraycopy(rest, 0, all, 1, rest.length);
		return all;
	}

}
