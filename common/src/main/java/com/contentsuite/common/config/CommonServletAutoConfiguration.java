package com.contentsuite.common.config;

import java.util.List;

import com.contentsuite.common.identity.IdentityArgumentResolver;
import com.contentsuite.common.internal.InternalAuth;
import com.contentsuite.common.internal.InternalAuthFilter;
import com.contentsuite.common.json.StrictJson;
import com.contentsuite.common.operation.OperationIdFilter;
import com.contentsuite.common.operation.OperationIdObservationFilter;
import com.contentsuite.common.operation.ServletOperationIdObservationFilter;
import com.contentsuite.common.paging.PageQueryArgumentResolver;
import com.contentsuite.common.tomcat.EnvelopeErrorReports;
import com.contentsuite.common.web.ApiExceptionHandler;
import com.contentsuite.common.web.EnvelopeErrorController;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The servlet side of {@code common}: envelope error mapping (Tomcat's own refusals
 * included), strict JSON text, operationID, the internal-auth gate and the identity and
 * paging arguments. A service gets all of it by depending on {@code common}.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class, after = CommonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ApiExceptionHandler.class, EnvelopeErrorController.class })
public class CommonServletAutoConfiguration {

	@Bean
	FilterRegistrationBean<OperationIdFilter> operationIdFilter() {
		FilterRegistrationBean<OperationIdFilter> registration = new FilterRegistrationBean<>(new OperationIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** The server request's span, and those under it, carry its operationID. */
	@Bean
	OperationIdObservationFilter servletOperationIdObservationFilter() {
		return new ServletOperationIdObservationFilter();
	}

	@Bean
	FilterRegistrationBean<InternalAuthFilter> internalAuthFilter(InternalAuth auth,
			@Value("${suite.internal-auth.open-paths}") List<String> openPaths) {
		FilterRegistrationBean<InternalAuthFilter> registration = new FilterRegistrationBean<>(
				new InternalAuthFilter(auth, openPaths));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	WebMvcConfigurer commonArgumentResolvers() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new IdentityArgumentResolver());
				resolvers.add(new PageQueryArgumentResolver());
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapperBuilderCustomizer.class)
	static class StrictJsonConfiguration {

		@Bean
		StrictJson strictJson() {
			return new StrictJson();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TomcatServletWebServerFactory.class)
	static class TomcatErrorReports {

		@Bean
		EnvelopeErrorReports envelopeErrorReports() {
			return new EnvelopeErrorReports();
		}

	}

}
