package com.contentsuite.images;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The image storage of a service that declares an {@link ImageStorageProperties} bean
 * under its own prefix: the {@link ImageStorage} its {@code type} names,
 * {@link ImageUploads} and, in a servlet application, {@code GET /files/**}.
 */
@AutoConfiguration
@ConditionalOnBean(ImageStorageProperties.class)
public class ImageStorageAutoConfiguration {

	@Bean
	ImageKeys imageKeys(ImageStorageProperties properties, ApplicationContext context) {
		String prefix = propertyPrefix(properties, context);
		try {
			return ImageKeys.of(properties.getKeyPrefix());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(prefix + ".key-prefix must be a lower-case letter and at most 31 more"
					+ " lower-case letters, digits or '-' (for example avatars), not '" + properties.getKeyPrefix()
					+ "'");
		}
	}

	@Bean
	ImageStorage imageStorage(ImageStorageProperties properties, ImageKeys keys, ApplicationContext context) {
		String type = properties.getType();
		return switch ((type != null) ? type : "") {
			case "local" ->
				new LocalImageStorage(properties.getLocal().getDirectory(), properties.getLocal().getBaseUrl(), keys);
			case "qiniu" -> new QiniuImageStorage(properties.getQiniu(), propertyPrefix(properties, context));
			default -> throw new IllegalStateException(
					propertyPrefix(properties, context) + ".type must be local or qiniu, not '" + type + "'");
		};
	}

	@Bean
	ImageUploads imageUploads(ImageStorage storage, ImageKeys keys) {
		return new ImageUploads(storage, keys);
	}

	/** The prefix the service bound its properties under, for messages naming them. */
	private static String propertyPrefix(ImageStorageProperties properties, ApplicationContext context) {
		for (String name : context.getBeanNamesForType(ImageStorageProperties.class)) {
			ConfigurationPropertiesBean bean = (context.getBean(name) == properties)
					? ConfigurationPropertiesBean.get(context, properties, name) : null;
			if (bean != null && !bean.getAnnotation().prefix().isEmpty()) {
				return bean.getAnnotation().prefix();
			}
		}
		return "image storage";
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import(FileController.class)
	static class FileRoute {

	}

}
