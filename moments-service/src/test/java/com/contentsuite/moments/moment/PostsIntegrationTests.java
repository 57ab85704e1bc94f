package com.contentsuite.moments.moment;

import java.util.Map;

import com.contentsuite.moments.MomentsServiceIntegrationTest;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code publish}, {@code delete} and the post {@code get} answers. */
class PostsIntegrationTests extends MomentsServiceIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPublishedPostReadsBackWhole() {
		long author = newUser();
		JsonNode data = ok("publish", author, "{\"content\":\"a day at the sea 🌊\",\"images\":"
				+ "[\"https://img.example.com/a.png\",\"http://img.example.com/b.jpg\"],\"visibility\":0}");
		long postId = Long.parseLong(data.get("postID").asString());

		JsonNode post = get(postId, author);

		String createTime = post.get("createTime").asString();
		assertThat(createTime).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(post).isEqualTo(JSON.readTree("{\"postID\":\"" + postId + "\",\"author\":{\"userID\":\"" + author
				+ "\",\"username\":\"u" + author + "\",\"nickname\":\"nick" + author
				+ "\",\"avatarUrl\":\"http://files.example/avatars/" + author + ".png\"},"
				+ "\"content\":\"a day at the sea 🌊\",\"images\":[\"https://img.example.com/a.png\","
				+ "\"http://img.example.com/b.jpg\"],\"visibility\":0,\"likeCount\":0,\"liked\":false,"
				+ "\"commentCount\":0,\"comments\":[],\"createTime\":\"" + createTime + "\"}"));
	}

	@Test
	void visibilityDefaultsToEveryoneAndFieldsTheServerOwnsAreIgnored() {
		long author = newUser();
		long other = newUser();
		JsonNode data = ok("publish", author, "{\"content\":\"mine\",\"userID\":\"" + other
				+ "\",\"likeCount\":99,\"commentCount\":5,\"createTime\":\"2000-01-01T00:00:00.000Z\"}");
		JsonNode post = get(Long.parseLong(data.get("postID").asString()), author);

		assertThat(post.get("author").get("userID").asString()).isEqualTo(Long.toString(author));
		assertThat(post.get("visibility").asInt()).isZero();
		assertThat(post.get("likeCount").asLong()).isZero();
		assertThat(post.get("commentCount").asLong()).isZero();
		assertThat(post.get("createTime").asString()).doesNotStartWith("2000");
		assertThat(post.get("images").isEmpty()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
							{}                                                   | content must be 1-2000 characters
							{"content":""}                                       | content must be 1-2000 characters
							{"content":"   "}                                    | content must be 1-2000 characters
							{"content":12}                                       | content has a wrong type
							{"content":"x","visibility":3}                       | visibility must be 0, 1 or 2
							{"content":"x","visibility":-1}                      | visibility must be 0, 1 or 2
							{"content":"x","visibility":"public"}                | visibility has a wrong type
					{"content":"x","visibility":""}                      | visibility has a wrong type
					{"content":"x","visibility":true}                    | visibility has a wrong type
					{"content":"x","visibility":1.5}                     | visibility has a wrong type
					{"content":"x","visibility":3000000000}              | visibility has a wrong type
					{"content":"bad \\ud800 text"}                       | content is not valid Unicode text
							{"content":"x","images":"https://a.example/x.png"}   | images has a wrong type
							{"content":"x","images":["javascript:alert(1)"]}     | images[0] must be an http or https URL of at most 512 characters
							{"content":"x","images":["https://a.example/1.png","/relative.png"]} | images[1] must be an http or https URL of at most 512 characters
							{"content":"x","images":["ftp://a.example/x.png"]}   | images[0] must be an http or https URL of at most 512 characters
							{"content":"x","images":["https:///nohost.png"]}     | images[0] must be an http or https URL of at most 512 characters
							{"content":"x","images":["https://a.example/a b.png"]} | images[0] must be an http or https URL of at most 512 characters
							{"content":"x","images":[null]}                      | images[0] must be an http or https URL of at most 512 characters
							""")
	void badInputIs1001NamingTheFieldAndStoresNothing(String body, String detail) {
		long author = newUser();

		Reply reply = post("publish", author, body);

		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.errCode()).isEqualTo(1001);
		assertThat(reply.errDlt()).isEqualTo(detail);
		assertThat(postsOf(author)).isZero();
	}

	@Test
	void theLimitsAreCountedInCharactersAndHoldAtTheirEdge() {
		long author = newUser();
		String url = "https://img.example.com/" + "a".repeat(512 - "https://img.example.com/".length());
		String nineImages = "[" + String.join(",", java.util.Collections.nCopies(9, ServiceApi.quote(url))) + "]";
		String tenImages = "[" + String.join(",", java.util.Collections.nCopies(10, ServiceApi.quote(url))) + "]";
		// 2000 characters of four bytes each (outside the BMP): 4000 UTF-16 units.
		String longest = "😀".repeat(2000);

		assertThat(post("publish", author, "{\"content\":\"" + longest + "\",\"images\":" + nineImages + "}").errCode())
			.isZero();
		assertThat(post("publish", author, "{\"content\":\"" + longest + "x\"}").errDlt())
			.isEqualTo("content must be 1-2000 characters");
		assertThat(post("publish", author, "{\"content\":\"x\",\"images\":" + tenImages + "}").errDlt())
			.isEqualTo("images must hold at most 9 URLs");
		assertThat(post("publish", author, "{\"content\":\"x\",\"images\":[" + ServiceApi.quote(url + "a") + "]}")
			.errDlt()).isEqualTo("images[0] must be an http or https URL of at most 512 characters");
		assertThat(postsOf(author)).isOne();
		String stored = this.jdbc.sql("SELECT content FROM moment_post WHERE author_id = ?")
			.param(author)
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo(longest);
	}

	@Test
	void aRepeatWithTheSameIdempotencyKeyPublishesOnce() {
		long author = newUser();
		String body = "{\"content\":\"only once\"}";

		Reply first = this.api.send("POST", "/chatx/moments/publish", author, body, Map.of("Idempotency-Key", "pub-1"));
		Reply second = this.api.send("POST", "/chatx/moments/publish", author, body,
				Map.of("Idempotency-Key", "pub-1"));
		Reply other = this.api.send("POST", "/chatx/moments/publish", author, "{\"content\":\"another\"}",
				Map.of("Idempotency-Key", "pub-1"));

		assertThat(first.errCode()).as(first.body()).isZero();
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.errCode()).isEqualTo(1003);
		assertThat(postsOf(author)).isOne();
	}

	@Test
	void onlyTheAuthorDeletesAndADeletedPostIsGoneButItsRowStays() {
		long author = newUser();
		long other = newUser();
		long postId = publish(author);
		String body = "{\"postID\":\"" + postId + "\"}";

		Reply byOther = post("delete", other, body);
		assertThat(byOther.status()).isEqualTo(403);
		assertThat(byOther.errCode()).isEqualTo(1002);
		assertThat(get(postId, author).get("postID").asString()).isEqualTo(Long.toString(postId));

		assertThat(post("delete", author, body).data().isEmpty()).isTrue();

		for (String route : new String[] { "get", "delete" }) {
			Reply gone = post(route, author, body);
			assertThat(gone.status()).as(route).isEqualTo(404);
			assertThat(gone.errCode()).isEqualTo(1004);
		}
		assertThat(this.jdbc.sql("SELECT deleted FROM moment_post WHERE id = ?")
			.param(postId)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			get    | {}                  | postID is required
			get    | {"postID":"x1"}     | postID is invalid
			get    | {"postID":"0"}      | postID is invalid
			delete | {"postID":""}       | postID is required
			delete | {"postID":true}     | postID has a wrong type
			""")
	void aMissingOrMalformedPostIdIs1001(String route, String body, String detail) {
		Reply reply = post(route, newUser(), body);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errDlt()).isEqualTo(detail);
	}

	@Test
	void anUnknownPostIs1004() {
		Reply reply = post("get", newUser(), "{\"postID\":\"123456789\"}");

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.errDlt()).isEqualTo("post not found");
	}

	@Test
	void aCallThatDidNotComeThroughTheGatewayIsRefused() {
		Reply reply = this.api.sendWithHeaders("POST", "/chatx/moments/publish",
				Map.of("X-User-ID", "7", "operationID", "op-1"), "{\"content\":\"forged\"}");

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.errCode()).isEqualTo(1002);
	}

	private long postsOf(long author) {
		return this.jdbc.sql("SELECT COUNT(*) FROM moment_post WHERE author_id = ?")
			.param(author)
			.query(Long.class)
			.single();
	}

}
