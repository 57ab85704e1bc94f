package com.contentsuite.moments;

import java.util.concurrent.atomic.AtomicLong;

import com.contentsuite.testsupport.IntegrationTest;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.testsupport.UserServiceStub;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every integration test of this service shares: one Spring context (so one fresh
 * database and Redis key space), one user-service stub over real HTTP, and user IDs no
 * two tests share.
 */
@IntegrationTest
public abstract class MomentsServiceIntegrationTest {

	protected static final UserServiceStub USERS = new UserServiceStub();

	private static final AtomicLong NEXT_USER = new AtomicLong(1_000);

	@LocalServerPort
	protected int port;

	@Value("${suite.internal-auth.secret}")
	protected String secret;

	protected ServiceApi api;

	@DynamicPropertySource
	static void userService(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", USERS::uri);
		registry.add("moments.storage.local.directory", () -> "target/test-moment-files");
		registry.add("moments.storage.local.base-url", () -> "http://gateway.test/files/");
	}

	@BeforeEach
	void connect() {
		this.api = new ServiceApi(this.port, this.secret);
		USERS.up();
	}

	/** A user no other test uses, known to user-service by nickname {@code nick<id>}. */
	protected static long newUser() {
		long userId = NEXT_USER.incrementAndGet();
		USERS.name(userId, "nick" + userId);
		return userId;
	}

	/** A route of this service as the gateway forwards it for {@code userId}. */
	protected Reply post(String route, long userId, String json) {
		return this.api.send("POST", "/chatx/moments/" + route, ServiceApi.GATEWAY, userId, json);
	}

	/** The {@code data} of a call that must succeed. */
	protected JsonNode ok(String route, long userId, String json) {
		Reply reply = post(route, userId, json);
		assertThat(reply.errCode()).as(route + ": " + reply.body()).isZero();
		return reply.data();
	}

	/** Publishes a post of {@code visibility} as {@code author} and answers its ID. */
	protected long publish(long author, int visibility) {
		JsonNode data = ok("publish", author,
				"{\"content\":\"hello from " + author + "\",\"visibility\":" + visibility + "}");
		return Long.parseLong(data.get("postID").asString());
	}

	protected long publish(long author) {
		return publish(author, 0);
	}

	protected long comment(long postId, long author, String content) {
		JsonNode data = ok("comment/add", author,
				"{\"postID\":\"" + postId + "\",\"content\":" + ServiceApi.quote(content) + "}");
		return Long.parseLong(data.get("commentID").asString());
	}

	/** The post as {@code viewer} gets it. */
	protected JsonNode get(long postId, long viewer) {
		return ok("get", viewer, "{\"postID\":\"" + postId + "\"}");
	}

}
