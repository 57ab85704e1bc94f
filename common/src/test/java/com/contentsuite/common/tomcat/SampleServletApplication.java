package com.contentsuite.common.tomcat;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest servlet service: common's auto-configuration on embedded Tomcat, for tests
 * of what Tomcat itself answers.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@RestController
class SampleServletApplication {

	/** Open to unsigned calls (see the tests' open-paths). */
	static final String PING = "/ping";

	@GetMapping(PING)
	String ping() {
		return "pong";
	}

}
