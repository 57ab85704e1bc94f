package com.contentsuite.user.avatar;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link AvatarStorage}, chosen by {@code user.storage.type}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class AvatarStorageConfiguration {

	@Bean
	@ConditionalOnProperty(name = "user.storage.type", havingValue = "local", matchIfMissing = true)
	LocalAvatarStorage localAvatarStorage(StorageProperties properties) {
		return new LocalAvatarStorage(properties.getLocal().getDirectory(), properties.getLocal().getBaseUrl());
	}

	@Bean
	@ConditionalOnProperty(name = "user.storage.type", havingValue = "qiniu")
	QiniuAvatarStorage qiniuAvatarStorage(StorageProperties properties) {
		return new QiniuAvatarStorage(properties.getQiniu());
	}

}
