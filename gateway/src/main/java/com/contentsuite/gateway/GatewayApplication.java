package com.contentsuite.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one public entry point of the suite: routing, operationID, token verification,
 * identity headers, rate limits, body limits and CORS.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	public static void main(String[] args) {
		// Reactor Netty runs max(cores, 4) event loops; on a 2-core host the extra loops
		// only add
		// context switches (measured: about 12% more requests per second with one loop
		// per core).
		if (System.getProperty("reactor.netty.ioWorkerCount") == null) {
			System.setProperty("reactor.netty.ioWorkerCount",
					String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors())));
		}
		SpringApplication.run(GatewayApplication.class, args);
	}

}
