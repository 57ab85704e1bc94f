package com.contentsuite.images;

import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module as a service gets it: switched on by its properties bean, checked at
 * startup.
 */
class ImageStorageAutoConfigurationTests {

	@TempDir
	Path directory;

	private WebApplicationContextRunner runner() {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
					ImageStorageAutoConfiguration.class))
			.withUserConfiguration(MomentsStorage.class)
			.withPropertyValues("moments.storage.local.directory=" + this.directory,
					"moments.storage.local.base-url=http://gw.example/files/");
	}

	@Test
	void isOffWithoutAPropertiesBean() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
					ImageStorageAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ImageStorage.class)
					.doesNotHaveBean(ImageUploads.class)
					.doesNotHaveBean(FileController.class);
			});
	}

	@Test
	void givesALocalStorageUploadsAndTheFileRouteByDefault() {
		runner().withPropertyValues("moments.storage.key-prefix=moments").run((context) -> {
			assertThat(context).hasSingleBean(ImageUploads.class).hasSingleBean(FileController.class);
			assertThat(context.getBean(ImageStorage.class)).isInstanceOf(LocalImageStorage.class);
		});
	}

	@Test
	void givesNoFileRouteOutsideAServletApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
					ImageStorageAutoConfiguration.class))
			.withUserConfiguration(MomentsStorage.class)
			.withPropertyValues("moments.storage.key-prefix=moments",
					"moments.storage.local.directory=" + this.directory)
			.run((context) -> assertThat(context).hasSingleBean(ImageUploads.class)
				.doesNotHaveBean(FileController.class));
	}

	@Test
	void choosesQiniuByType() {
		runner()
			.withPropertyValues("moments.storage.key-prefix=moments", "moments.storage.type=qiniu",
					"moments.storage.qiniu.access-key=ak", "moments.storage.qiniu.secret-key=sk",
					"moments.storage.qiniu.bucket=b", "moments.storage.qiniu.domain=https://img.example.com")
			.run((context) -> assertThat(context.getBean(ImageStorage.class)).isInstanceOf(QiniuImageStorage.class));
	}

	@Test
	void refusesToStartWithAnUnknownType() {
		runner().withPropertyValues("moments.storage.key-prefix=moments", "moments.storage.type=ftp")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("moments.storage.type must be local or qiniu, not 'ftp'"));
	}

	@Test
	void refusesToStartQiniuWithoutItsSecretsNamingTheServicesProperty() {
		runner().withPropertyValues("moments.storage.key-prefix=moments", "moments.storage.type=qiniu")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("moments.storage.qiniu.access-key (QINIU_ACCESS_KEY)"));
	}

	@Nested
	class KeyPrefix {

		@Test
		void isRequired() {
			runner().run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("moments.storage.key-prefix must be a lower-case letter")
				.hasMessageEndingWith("not 'null'"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "Moments", "9lives", "-x", "a/b", "../x", "moments/", "moments.x", "bilder_1",
				"abcdefghijklmnopqrstuvwxyzabcdefg" })
		void mustBeOneLowerCaseSegment(String prefix) {
			runner().withPropertyValues("moments.storage.key-prefix=" + prefix)
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessageStartingWith("moments.storage.key-prefix must be"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "moments", "avatars", "a", "post-images2", "abcdefghijklmnopqrstuvwxyzabcdef" })
		void mayBeUpToThirtyTwoLettersDigitsOrDashes(String prefix) {
			runner().withPropertyValues("moments.storage.key-prefix=" + prefix)
				.run((context) -> assertThat(context).hasNotFailed());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MomentsStorage {

		@Bean
		@ConfigurationProperties("moments.storage")
		ImageStorageProperties momentsStorage() {
			return new ImageStorageProperties();
		}

	}

}
