package com.contentsuite.moments.image;

import com.contentsuite.images.ImageStorageProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Pictures go through image-storage under {@code moments.storage.*}: their keys start
 * with {@code moments/}, and with local storage this service serves them at
 * {@code /files/moments/...} (the gateway routes that prefix here).
 */
@Configuration(proxyBeanMethods = false)
class ImageStorageConfiguration {

	@Bean
	@ConfigurationProperties("moments.storage")
	ImageStorageProperties momentsStorage() {
		return new ImageStorageProperties();
	}

}
