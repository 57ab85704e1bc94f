package com.contentsuite.common.deadline;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/** Puts every DataSource of a service behind {@link DeadlineDataSource}. */
public class DeadlineDataSources implements BeanPostProcessor {

	private final ObjectProvider<DeadlineProperties> properties;

	public DeadlineDataSources(ObjectProvider<DeadlineProperties> properties) {
		this.properties = properties;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof DeadlineDataSource)) {
			return new DeadlineDataSource(dataSource, this.properties.getObject().statementTimeout().toMillis());
		}
		return bean;
	}

}
