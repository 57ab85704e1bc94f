package com.contentsuite.article;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.contentsuite.testsupport.IntegrationTest;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.testsupport.UserServiceStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every integration test of this service shares: one Spring context (so one fresh
 * database and Redis key space), one user-service stub, and user IDs no two tests share.
 */
@IntegrationTest
public abstract class ArticleServiceIntegrationTest {

	protected static final UserServiceStub USERS = new UserServiceStub();

	private static final AtomicLong NEXT_USER = new AtomicLong(1_000);

	@LocalServerPort
	protected int port;

	@Value("${suite.internal-auth.secret}")
	protected String secret;

	protected ServiceApi api;

	/** Articles this test wrote, with their authors. */
	private final Map<Long, Long> written = new LinkedHashMap<>();

	@DynamicPropertySource
	static void userService(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", USERS::uri);
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

	/** Writes an article as {@code author} and answers its ID. */
	protected long write(long author, String title, String content) {
		Reply reply = this.api.send("POST", "/articles", ServiceApi.GATEWAY, author,
				"{\"title\":" + ServiceApi.quote(title) + ",\"content\":" + ServiceApi.quote(content) + "}");
		assertThat(reply.errCode()).as(reply.body()).isZero();
		long article = Long.parseLong(reply.data().get("articleID").asString());
		this.written.put(article, author);
		return article;
	}

	/**
	 * Whether the articles a test wrote are deleted after it, so that the lists of the
	 * tests sharing this context (the hot list above all) do not hold them; off for
	 * classes that write once for all their tests.
	 */
	protected boolean deletesWhatItWrites() {
		return false;
	}

	@AfterEach
	void deleteWhatThisTestWrote() {
		if (deletesWhatItWrites()) {
			this.written.forEach((article, author) -> {
				Reply reply = this.api.send("DELETE", "/articles/" + article, ServiceApi.GATEWAY, author, null);
				assertThat(reply.errCode()).as(reply.body()).isIn(0, 1004);
			});
		}
		this.written.clear();
	}

	protected long write(long author) {
		return write(author, "A title", "Some *content*");
	}

}
