package com.contentsuite.gateway.forward;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param trustedProxies addresses or CIDR blocks ({@code 10.0.0.0/8}) of proxies in front
 * of the gateway whose {@code X-Forwarded-For} is believed; empty: the peer address is
 * the client, whatever the request claims
 */
@Validated
@ConfigurationProperties("gateway.client-ip")
record ClientIpProperties(
		@NotNull @DefaultValue List<@Pattern(regexp = "[0-9A-Fa-f:.]+(/\\d{1,3})?") String> trustedProxies) {

}
