package com.contentsuite.common.config;

import javax.sql.DataSource;

import com.contentsuite.common.deadline.DeadlineDataSources;
import com.contentsuite.common.deadline.DeadlineProperties;
import com.contentsuite.common.deadline.RequestDeadlineFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Request deadlines in a servlet service: taken from the gateway's budget, held on the
 * request's thread, and applied to every database connection the request uses.
 */
@AutoConfiguration(after = CommonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(DeadlineProperties.class)
public class CommonDeadlineAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestDeadlineFilter> requestDeadlineFilter(DeadlineProperties properties) {
		FilterRegistrationBean<RequestDeadlineFilter> registration = new FilterRegistrationBean<>(
				new RequestDeadlineFilter(properties));
		// After the operationID (so the refusal carries it), before the signature check.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ DataSource.class, DelegatingDataSource.class })
	static class DeadlineJdbc {

		@Bean
		static DeadlineDataSources deadlineDataSources(ObjectProvider<DeadlineProperties> properties) {
			return new DeadlineDataSources(properties);
		}

	}

}
