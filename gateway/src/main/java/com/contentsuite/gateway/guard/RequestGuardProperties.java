package com.contentsuite.gateway.guard;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param allowedMethods the HTTP methods the gateway accepts at all (others: 405);
 * {@code TRACE} and {@code CONNECT} are left out on purpose
 */
@Validated
@ConfigurationProperties("gateway.request-guard")
record RequestGuardProperties(@NotEmpty @DefaultValue( {
		"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" }) Set<String> allowedMethods){

}
