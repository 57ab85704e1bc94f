package com.contentsuite.e2e.journey;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.Map;

import javax.imageio.ImageIO;

import com.contentsuite.e2e.journey.Client.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Avatars and relations through the gateway against the packaged jars (issue 3). */
@ExtendWith(RunningSuite.Resolver.class)
class SocialJourneyTests {

	private static RunningSuite running;

	private static Client client;

	@BeforeAll
	static void useSuite(RunningSuite shared) {
		running = shared;
		client = shared.client;
	}

	@Test
	void anAvatarUploadIsStoredReencodedAndServedThroughTheGateway() throws Exception {
		String username = RunningSuite.newUsername();
		running.register(username);
		String token = running.login(username).text("accessToken");
		running.awaitProfile(token);

		byte[] png = png(64, 48);
		byte[] withTrailer = new byte[png.length + 16];
		System.arraycopy(png, 0, withTrailer, 0, png.length);
		System.arraycopy("TRAILING-PAYLOAD".getBytes(), 0, withTrailer, png.length, 16);
		Answer uploaded = client.upload("/users/avatar", "avatar", "me.jpg", "image/jpeg", withTrailer, token);
		assertThat(uploaded.errCode()).as(String.valueOf(uploaded.body())).isZero();
		String avatarUrl = uploaded.text("avatarUrl");
		assertThat(avatarUrl).matches(".*/files/avatars/\\d+/[0-9a-f]{64}\\.png");
		assertThat(running.awaitProfile(token).text("avatarUrl")).isEqualTo(avatarUrl);

		HttpResponse<byte[]> file = client.raw(avatarUrl.substring(avatarUrl.indexOf("/files/")));
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
		assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(new String(file.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("TRAILING");
		BufferedImage served = ImageIO.read(new ByteArrayInputStream(file.body()));
		assertThat(served.getWidth()).isEqualTo(64);
		assertThat(served.getHeight()).isEqualTo(48);

		Answer notAnImage = client.upload("/users/avatar", "avatar", "x.png", "image/png", "hello".getBytes(), token);
		assertThat(notAnImage.status()).isEqualTo(415);
		assertThat(notAnImage.errCode()).isEqualTo(1001);
		assertThat(client.raw("/files/avatars/..%2f..%2fetc/passwd").statusCode()).isIn(400, 404);
	}

	@Test
	void followCountsFollowedFlagsAndBlacklistCutBothWays() throws Exception {
		String aliceName = RunningSuite.newUsername();
		String alice = running.register(aliceName);
		String bobName = RunningSuite.newUsername();
		String bob = running.register(bobName);
		String aliceToken = running.login(aliceName).text("accessToken");
		String bobToken = running.login(bobName).text("accessToken");
		running.awaitProfile(aliceToken);
		running.awaitProfile(bobToken);

		Answer follow = client.post("/users/followings", Map.of("target", bob), aliceToken);
		assertThat(follow.data().get("following").asBoolean()).isTrue();
		assertThat(client.post("/users/followings", Map.of("target", bob), aliceToken).errCode()).isZero();
		assertThat(client.post("/users/followings", Map.of("target", alice), aliceToken).errCode()).isEqualTo(1301);
		assertThat(client.post("/users/followings", Map.of("target", "999999999"), aliceToken).errCode())
			.isEqualTo(1004);
		assertThat(client.post("/users/followings", Map.of("target", alice), bobToken).errCode()).isZero();

		Answer bobSeenByAlice = client.get("/users/" + bob, aliceToken, Map.of());
		assertThat(bobSeenByAlice.data().get("followerCount").asInt()).isEqualTo(1);
		assertThat(bobSeenByAlice.data().get("followed").asBoolean()).isTrue();
		assertThat(client.get("/users/me", aliceToken, Map.of()).data().get("followingCount").asInt()).isEqualTo(1);
		Answer followers = client.get("/users/followers?userID=" + bob, null, Map.of());
		assertThat(followers.data().get("list").get(0).get("userID").asString()).isEqualTo(alice);

		Answer block = client.post("/users/blacklist", Map.of("target", alice), bobToken);
		assertThat(block.data().get("blocked").asBoolean()).isTrue();
		assertThat(client.get("/users/me", bobToken, Map.of()).data().get("followerCount").asInt()).isZero();
		assertThat(client.get("/users/me", bobToken, Map.of()).data().get("followingCount").asInt()).isZero();
		Answer blocked = client.post("/users/followings", Map.of("target", bob), aliceToken);
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.errCode()).isEqualTo(1302);
		Answer list = client.get("/users/blacklist", bobToken, Map.of());
		assertThat(list.data().get("list").get(0).get("userID").asString()).isEqualTo(alice);
	}

	private static byte[] png(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, new Color(x * 3 % 256, y * 5 % 256, 90).getRGB());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
