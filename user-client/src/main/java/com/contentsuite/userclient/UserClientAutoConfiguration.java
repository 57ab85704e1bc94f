package com.contentsuite.userclient;

import com.contentsuite.common.config.CommonFeignAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;

/**
 * user-service's client and the beans that call it, in every service that has this
 * module: the service's own {@code @EnableFeignClients} (if any) need not scan for it.
 */
@AutoConfiguration(after = CommonFeignAutoConfiguration.class)
@EnableFeignClients(clients = UserServiceClient.class)
public class UserClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BriefUsers briefUsers(UserServiceClient users) {
		return new BriefUsers(users);
	}

	@Bean
	@ConditionalOnMissingBean
	Relations relations(UserServiceClient users) {
		return new Relations(users);
	}

}
