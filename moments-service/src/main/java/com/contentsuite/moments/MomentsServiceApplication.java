package com.contentsuite.moments;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Moments: posts with pictures and a visibility, their likes and comments, and feeds. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MomentsServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(MomentsServiceApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
