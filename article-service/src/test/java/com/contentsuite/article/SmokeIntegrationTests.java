package com.contentsuite.article;

import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeIntegrationTests extends ArticleServiceIntegrationTest {

	@Test
	void writesAndReadsAnArticle() {
		long author = newUser();
		long id = write(author, "Hello", "# Head\n\nSome **bold** text <b>x</b>");
		Reply reply = this.api.get("/articles/" + id, null);
		assertThat(reply.errCode()).as(reply.body()).isZero();
		assertThat(reply.data().get("summary").asString()).isEqualTo("Head Some bold text x");
		Reply like = this.api.put("/articles/" + id + "/likes", newUser(), "{\"status\":1}");
		assertThat(like.body()).contains("\"likes\":1");
		Reply hot = this.api.get("/articles/hot", null);
		assertThat(hot.body()).contains("\"articleID\":\"" + id + "\"");
		Reply comment = this.api.send("POST", "/articles/" + id + "/comments", "gateway", author,
				"{\"content\":\"hi\"}");
		assertThat(comment.errCode()).as(comment.body()).isZero();
		Reply comments = this.api.get("/articles/" + id + "/comments", null);
		assertThat(comments.body()).contains("\"content\":\"hi\"");
		System.out.println(reply.body() + "\n" + hot.body() + "\n" + comments.body());
	}

}
