package com.contentsuite.userclient;

import java.time.Clock;

import com.contentsuite.common.config.CommonFeignAutoConfiguration;
import com.contentsuite.common.config.CommonOutboxAutoConfiguration;
import com.contentsuite.common.outbox.Outbox;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * user-service's client and the beans that call it, in every service that has this
 * module: the service's own {@code @EnableFeignClients} (if any) need not scan for it.
 */
@AutoConfiguration(after = { CommonFeignAutoConfiguration.class, CommonOutboxAutoConfiguration.class })
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

	/**
	 * Notifications to user-service through the service's outbox, where it has one
	 * (user-service itself stores its own follow notifications without this client).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(Outbox.class)
	static class NotificationsToUserService {

		@Bean
		@ConditionalOnMissingBean
		Notifications notifications(Outbox outbox, ObjectProvider<Clock> clock) {
			return new Notifications(outbox, clock.getIfAvailable(Clock::systemUTC));
		}

		@Bean
		@ConditionalOnMissingBean
		NotificationDelivery notificationDelivery(UserServiceClient users, ObjectProvider<JsonMapper> json) {
			return new NotificationDelivery(users, json.getIfAvailable(() -> JsonMapper.builder().build()));
		}

	}

}
