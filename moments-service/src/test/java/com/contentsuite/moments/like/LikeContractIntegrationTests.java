package com.contentsuite.moments.like;

import java.util.List;

import com.contentsuite.moments.MomentsServiceIntegrationTest;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /chatx/moments/like}, the published chatx like contract: its request, its
 * answer and its error texts, compared as whole JSON documents.
 */
class LikeContractIntegrationTests extends MomentsServiceIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String POST_ID_REQUIRED = "{\"errCode\":1001,\"errMsg\":\"ArgsError\","
			+ "\"errDlt\":\"postID and userID are required\"}";

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"postID\":\"\"}", "{\"postID\":null}", "{\"cancel\":true}",
			"{\"postID\":\"\",\"cancel\":false}" })
	void anEmptyOrMissingPostIdIsTheContractsArgsError(String body) {
		Reply reply = post("like", newUser(), body);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).isEqualTo(POST_ID_REQUIRED);
		assertThat(reply.header("Content-Type")).startsWith("application/json");
	}

	@Test
	void noBodyAtAllIsAMissingPostIdToo() {
		Reply reply = post("like", newUser(), null);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).isEqualTo(POST_ID_REQUIRED);
	}

	@Test
	void anUnknownOrDeletedPostIs1004() {
		long author = newUser();
		long deleted = publish(author);
		ok("delete", author, "{\"postID\":\"" + deleted + "\"}");

		for (String postId : List.of("987654321", Long.toString(deleted))) {
			Reply reply = post("like", newUser(), "{\"postID\":\"" + postId + "\"}");
			assertThat(reply.status()).isEqualTo(404);
			assertThat(JSON.readTree(reply.body())).isEqualTo(JSON
				.readTree("{\"errCode\":1004,\"errMsg\":\"RecordNotFoundError\",\"errDlt\":\"post not found\"}"));
		}
		assertThat(rows(deleted)).isZero();
	}

	@Test
	void aLikeAnswersTheCountAfterItAndLikingTwiceStoresOneRow() {
		long post = publish(newUser());
		long alice = newUser();
		long bob = newUser();

		assertThat(like(alice, post, "")).isEqualTo(JSON.readTree(success(1)));
		assertThat(like(alice, post, ",\"cancel\":false")).isEqualTo(JSON.readTree(success(1)));
		assertThat(like(bob, post, "")).isEqualTo(JSON.readTree(success(2)));

		assertThat(rows(post)).isEqualTo(2);
		assertThat(get(post, alice).get("likeCount").asLong()).isEqualTo(2);
		assertThat(get(post, alice).get("liked").asBoolean()).isTrue();
	}

	@Test
	void cancelDeletesTheCallersRowAndWithoutARowIsStillASuccess() {
		long post = publish(newUser());
		long alice = newUser();
		long bob = newUser();
		like(alice, post, "");
		like(bob, post, "");

		assertThat(like(alice, post, ",\"cancel\":true")).isEqualTo(JSON.readTree(success(1)));
		assertThat(like(alice, post, ",\"cancel\":true")).isEqualTo(JSON.readTree(success(1)));
		assertThat(like(newUser(), post, ",\"cancel\":true")).isEqualTo(JSON.readTree(success(1)));

		assertThat(rows(post)).isEqualTo(1);
		assertThat(get(post, alice).get("liked").asBoolean()).isFalse();
		assertThat(get(post, bob).get("liked").asBoolean()).isTrue();
	}

	@Test
	void thePostIdMayBeANumberAndAnythingElseNamesTheField() {
		long post = publish(newUser());

		assertThat(post("like", newUser(), "{\"postID\":" + post + "}").data().get("likeCount").asLong()).isEqualTo(1);
		Reply letters = post("like", newUser(), "{\"postID\":\"abc\"}");
		assertThat(letters.status()).isEqualTo(400);
		assertThat(letters.errDlt()).isEqualTo("postID is invalid");
		long other = newUser();
		for (String cancel : List.of("\"maybe\"", "\"true\"", "\"\"", "1", "0", "2", "1.0", "[]")) {
			Reply wrongType = post("like", other, "{\"postID\":\"" + post + "\",\"cancel\":" + cancel + "}");
			assertThat(wrongType.status()).as("cancel " + cancel).isEqualTo(400);
			assertThat(wrongType.errDlt()).as("cancel " + cancel).isEqualTo("cancel has a wrong type");
		}
		assertThat(rows(post)).isEqualTo(1);
	}

	@Test
	void userIdInTheBodyIsIgnoredTheCallerLikes() {
		long post = publish(newUser());
		long caller = newUser();
		long other = newUser();

		post("like", caller, "{\"postID\":\"" + post + "\",\"userID\":\"" + other + "\"}");

		assertThat(
				this.jdbc.sql("SELECT user_id FROM moment_like WHERE post_id = ?").param(post).query(Long.class).list())
			.containsExactly(caller);
	}

	private JsonNode like(long userId, long post, String more) {
		return JSON.readTree(post("like", userId, "{\"postID\":\"" + post + "\"" + more + "}").body());
	}

	private static String success(long count) {
		return "{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\",\"data\":{\"likeCount\":" + count + "}}";
	}

	private long rows(long post) {
		return this.jdbc.sql("SELECT COUNT(*) FROM moment_like WHERE post_id = ?")
			.param(post)
			.query(Long.class)
			.single();
	}

}
