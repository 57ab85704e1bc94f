package com.contentsuite.e2e.journey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fetches a captcha image through the gateway and reads its answer from Redis, as
 * docs/api.md allows.
 */
final class Captchas implements AutoCloseable {

	private final RedisClient redis = RedisClient.create(Suite.env("TEST_REDIS_URL", "redis://127.0.0.1:6379"));

	private final StatefulRedisConnection<String, String> connection = this.redis.connect();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String gateway;

	private final String namespace;

	Captchas(String gateway, String namespace) {
		this.gateway = gateway;
		this.namespace = namespace;
	}

	/** A solved captcha: its id and answer. */
	record Solved(String id, String answer) {
	}

	Solved solve() throws IOException, InterruptedException {
		String id = UUID.randomUUID().toString();
		HttpResponse<byte[]> image = this.http.send(
				HttpRequest.newBuilder(URI.create(this.gateway + "/passport/image_code?cur_id=" + id)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
		assertThat(image.headers().firstValue("operationID")).as("minted operationID").isPresent();
		assertThat(image.body()).hasSizeGreaterThan(100);
		String answer = this.connection.sync().get(this.namespace + "passport:captcha:" + id);
		assertThat(answer).isNotBlank().isEqualTo(answer.toLowerCase());
		return new Solved(id, answer);
	}

	String get(String key) {
		return this.connection.sync().get(this.namespace + key);
	}

	@Override
	public void close() {
		this.connection.close();
		this.redis.shutdown();
	}

}
