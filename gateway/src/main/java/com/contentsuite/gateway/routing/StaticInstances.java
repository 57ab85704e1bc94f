package com.contentsuite.gateway.routing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Instances straight from the simple discovery client's static configuration: the default
 * supplier would put a cache in front of what is already in memory (and warn that its
 * cache is not Caffeine). Loaded in each service's load-balancer child context only, so
 * neither annotated nor nested in a configuration class.
 */
class StaticInstances {

	@Bean
	ServiceInstanceListSupplier serviceInstanceListSupplier(ConfigurableApplicationContext context) {
		return ServiceInstanceListSupplier.builder().withDiscoveryClient().build(context);
	}

}
