package com.contentsuite.passport.password;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param bcryptCost bcrypt's log2 work factor ({@code PASSPORT_BCRYPT_COST})
 * @param commonRankLimit passwords ranked this high or higher in nbvcxz's frequency list
 * are refused as too common
 */
@Validated
@ConfigurationProperties("passport.password")
record PasswordProperties(@Min(4) @Max(31) @DefaultValue("10") int bcryptCost,
		@Min(0) @Max(100000) @DefaultValue("10000") int commonRankLimit) {
}
