package com.contentsuite.article.hit;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param window a viewer's hits on one article count once per window
 */
@Validated
@ConfigurationProperties("article.hits")
record HitProperties(@NotNull @DefaultValue("10m") Duration window) {

}
