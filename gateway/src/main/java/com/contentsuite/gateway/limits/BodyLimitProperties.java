package com.contentsuite.gateway.limits;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The default request body limits of every route's {@code BodyLimit} filter, enforced
 * before a service is reached (docs/api.md section 6).
 *
 * @param json largest JSON body
 * @param multipart largest multipart body: the 2 MiB avatar plus room for the part
 * headers and boundaries
 */
@Validated
@ConfigurationProperties("gateway.limits")
record BodyLimitProperties(@NotNull @DefaultValue("1MB") DataSize json,
		@NotNull @DefaultValue("2112KB") DataSize multipart) {

	BodyLimitProperties {
		if (json != null && json.toBytes() <= 0 || multipart != null && multipart.toBytes() <= 0) {
			throw new IllegalArgumentException("gateway.limits must be positive");
		}
	}

}
