package com.contentsuite.user.avatar;

import com.contentsuite.images.ImageStorageProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code user.storage.*}: the avatar storage's settings, which switch image-storage on
 * (key prefix {@code avatars}, local or Qiniu storage, {@code GET /files/**}).
 */
@Configuration(proxyBeanMethods = false)
class AvatarStorageConfiguration {

	@Bean
	@ConfigurationProperties("user.storage")
	ImageStorageProperties userStorage() {
		return new ImageStorageProperties();
	}

}
