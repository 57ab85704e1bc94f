package com.contentsuite.user.relation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.contentsuite.user.Api;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class RelationsIntegrationTests extends UserServiceIntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	Reply post(String path, Long userId, String json) {
		return this.api.send("POST", path, Api.GATEWAY, userId, json);
	}

	Reply delete(String path, Long userId) {
		return this.api.send("DELETE", path, Api.GATEWAY, userId, null);
	}

	Reply follow(long userId, long target) {
		return post("/users/followings", userId, "{\"target\": \"" + target + "\"}");
	}

	Reply unfollow(long userId, long target) {
		return delete("/users/followings/" + target, userId);
	}

	Reply block(long userId, long target) {
		return post("/users/blacklist", userId, "{\"target\": \"" + target + "\"}");
	}

	Reply unblock(long userId, long target) {
		return delete("/users/blacklist/" + target, userId);
	}

	void ok(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.errCode()).isZero();
	}

	long rows(String table, long userId, long target) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE user_id = ? AND target_id = ?")
			.params(userId, target)
			.query(Long.class)
			.single();
	}

	static List<String> ids(Reply reply) {
		List<String> ids = new ArrayList<>();
		reply.data().get("list").forEach((user) -> ids.add(user.get("userID").stringValue()));
		return ids;
	}

	static List<Boolean> followedFlags(Reply reply) {
		List<Boolean> flags = new ArrayList<>();
		reply.data().get("list").forEach((user) -> flags.add(user.get("followed").booleanValue()));
		return flags;
	}

	static String id(long userId) {
		return Long.toString(userId);
	}

	JsonNode profile(long userId, Long viewer) {
		Reply reply = this.api.get("/users/" + userId, viewer);
		ok(reply);
		return reply.data();
	}

	JsonNode me(long userId) {
		Reply reply = this.api.get("/users/me", userId);
		ok(reply);
		return reply.data();
	}

	@Nested
	class Follow {

		@Test
		void followsAndAnswersTheTarget() {
			long alice = syncedUser();
			long bob = syncedUser();

			Reply reply = follow(alice, bob);

			ok(reply);
			assertThat(reply.data().get("target").stringValue()).isEqualTo(id(bob));
			assertThat(reply.data().get("following").booleanValue()).isTrue();
			assertThat(rows("user_follow", alice, bob)).isEqualTo(1);
		}

		@Test
		void takesTheTargetAsANumber() {
			long alice = syncedUser();
			long bob = syncedUser();

			ok(post("/users/followings", alice, "{\"target\": " + bob + "}"));

			assertThat(rows("user_follow", alice, bob)).isEqualTo(1);
		}

		@Test
		void followingTwiceIsASuccessWithOneRow() {
			long alice = syncedUser();
			long bob = syncedUser();

			ok(follow(alice, bob));
			ok(follow(alice, bob));

			assertThat(rows("user_follow", alice, bob)).isEqualTo(1);
			assertThat(me(alice).get("followingCount").longValue()).isEqualTo(1);
			assertThat(me(bob).get("followerCount").longValue()).isEqualTo(1);
		}

		@Test
		void answers1004ForAnUnknownTarget() {
			long alice = syncedUser();

			Reply reply = follow(alice, newUserId());

			assertThat(reply.status()).isEqualTo(404);
			assertThat(reply.errCode()).isEqualTo(1004);
		}

		@Test
		void answers1301ForYourself() {
			long alice = syncedUser();

			Reply reply = follow(alice, alice);

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.errCode()).isEqualTo(1301);
			assertThat(rows("user_follow", alice, alice)).isZero();
		}

		@Test
		void answers1302WhenTheTargetBlacklistedYou() {
			long alice = syncedUser();
			long bob = syncedUser();
			ok(block(bob, alice));

			Reply reply = follow(alice, bob);

			assertThat(reply.status()).isEqualTo(403);
			assertThat(reply.errCode()).isEqualTo(1302);
			assertThat(rows("user_follow", alice, bob)).isZero();
		}

		@Test
		void answers1302WhenYouBlacklistedTheTarget() {
			long alice = syncedUser();
			long bob = syncedUser();
			ok(block(alice, bob));

			Reply reply = follow(alice, bob);

			assertThat(reply.errCode()).isEqualTo(1302);
			assertThat(rows("user_follow", alice, bob)).isZero();
		}

		@Test
		void answers1001ForAMissingOrInvalidTarget() {
			long alice = syncedUser();

			for (String body : List.of("{}", "{\"target\": \"x\"}", "{\"target\": -1}", "{\"target\": null}")) {
				Reply reply = post("/users/followings", alice, body);
				assertThat(reply.status()).as(body).isEqualTo(400);
				assertThat(reply.errCode()).as(body).isEqualTo(1001);
				assertThat(reply.errDlt()).as(body).startsWith("target");
			}
		}

		@Test
		void needsASignedInUser() {
			long bob = syncedUser();

			Reply reply = post("/users/followings", null, "{\"target\": \"" + bob + "\"}");

			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.errCode()).isEqualTo(1001);
		}

	}

	@Nested
	class Unfollow {

		@Test
		void unfollowsAndAnswersTheTarget() {
			long alice = syncedUser();
			long bob = syncedUser();
			ok(follow(alice, bob));

			Reply reply = unfollow(alice, bob);

			ok(reply);
			assertThat(reply.data().get("target").stringValue()).isEqualTo(id(bob));
			assertThat(reply.data().get("following").booleanValue()).isFalse();
			assertThat(rows("user_follow", alice, bob)).isZero();
			assertThat(me(bob).get("followerCount").longValue()).isZero();
		}

		@Test
		void unfollowingNothingIsASuccess() {
			long alice = syncedUser();
			long bob = syncedUser();

			ok(unfollow(alice, bob));
			ok(unfollow(alice, newUserId()));
		}

		@Test
		void answers1301ForYourself() {
			long alice = syncedUser();

			assertThat(unfollow(alice, alice).errCode()).isEqualTo(1301);
		}

	}

	@Nested
	class Followings {

		@Test
		void listsWhomAUserFollowsNewestFirstWithPagesAndHasMore() {
			long alice = syncedUser();
			long first = syncedUser();
			long second = syncedUser();
			long third = syncedUser();
			ok(follow(alice, first));
			ok(follow(alice, second));
			ok(follow(alice, third));

			Reply page1 = RelationsIntegrationTests.this.api.get("/users/followings?page=1&size=2", alice);
			Reply page2 = RelationsIntegrationTests.this.api.get("/users/followings?page=2&size=2", alice);
			Reply page3 = RelationsIntegrationTests.this.api.get("/users/followings?page=3&size=2", alice);

			ok(page1);
			assertThat(ids(page1)).containsExactly(id(third), id(second));
			assertThat(page1.data().get("page").intValue()).isEqualTo(1);
			assertThat(page1.data().get("size").intValue()).isEqualTo(2);
			assertThat(page1.data().get("hasMore").booleanValue()).isTrue();
			assertThat(ids(page2)).containsExactly(id(first));
			assertThat(page2.data().get("hasMore").booleanValue()).isFalse();
			assertThat(ids(page3)).isEmpty();
			assertThat(page3.data().get("hasMore").booleanValue()).isFalse();
			JsonNode user = page1.data().get("list").get(0);
			assertThat(user.propertyNames()).containsExactly("userID", "username", "nickname", "avatarUrl", "followed");
			assertThat(user.get("username").stringValue()).isEqualTo("u" + third);
			assertThat(user.get("nickname").stringValue()).isEqualTo("nick" + third);
		}

		@Test
		void exactlyFullPageHasNoMore() {
			long alice = syncedUser();
			ok(follow(alice, syncedUser()));
			ok(follow(alice, syncedUser()));

			Reply page = RelationsIntegrationTests.this.api.get("/users/followings?size=2", alice);

			assertThat(ids(page)).hasSize(2);
			assertThat(page.data().get("hasMore").booleanValue()).isFalse();
		}

		@Test
		void flagsWhomTheViewerFollows() {
			long alice = syncedUser();
			long viewer = syncedUser();
			long followedByViewer = syncedUser();
			long notFollowedByViewer = syncedUser();
			ok(follow(alice, followedByViewer));
			ok(follow(alice, notFollowedByViewer));
			ok(follow(viewer, followedByViewer));

			Reply signedIn = RelationsIntegrationTests.this.api.get("/users/followings?userID=" + alice, viewer);
			Reply anonymous = RelationsIntegrationTests.this.api.get("/users/followings?userID=" + alice, null);

			assertThat(ids(signedIn)).containsExactly(id(notFollowedByViewer), id(followedByViewer));
			assertThat(followedFlags(signedIn)).containsExactly(false, true);
			assertThat(ids(anonymous)).containsExactly(id(notFollowedByViewer), id(followedByViewer));
			assertThat(followedFlags(anonymous)).containsExactly(false, false);
		}

		@Test
		void anonymousWithoutUserIdIs1001() {
			Reply reply = RelationsIntegrationTests.this.api.get("/users/followings", null);

			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.errCode()).isEqualTo(1001);
			assertThat(reply.errDlt()).isEqualTo("userID is required");
		}

		@Test
		void unknownUserIs1004AndAnInvalidOneIs1001() {
			assertThat(
					RelationsIntegrationTests.this.api.get("/users/followings?userID=" + newUserId(), null).errCode())
				.isEqualTo(1004);
			assertThat(RelationsIntegrationTests.this.api.get("/users/followings?userID=abc", null).errCode())
				.isEqualTo(1001);
		}

		@Test
		void refusesPageAndSizeOutOfRange() {
			long alice = syncedUser();
			for (String query : List.of("page=0", "size=0", "size=51", "page=x")) {
				Reply reply = RelationsIntegrationTests.this.api.get("/users/followings?" + query, alice);
				assertThat(reply.status()).as(query).isEqualTo(400);
				assertThat(reply.errCode()).as(query).isEqualTo(1001);
			}
		}

		@Test
		void anEmptyListForAUserWhoFollowsNobody() {
			long alice = syncedUser();

			Reply reply = RelationsIntegrationTests.this.api.get("/users/followings", alice);

			ok(reply);
			assertThat(ids(reply)).isEmpty();
			assertThat(reply.data().get("size").intValue()).isEqualTo(20);
		}

	}

	@Nested
	class Followers {

		@Test
		void listsFollowersNewestFirstWithTheViewersFlags() {
			long alice = syncedUser();
			long first = syncedUser();
			long second = syncedUser();
			ok(follow(first, alice));
			ok(follow(second, alice));
			ok(follow(alice, first));

			Reply own = RelationsIntegrationTests.this.api.get("/users/followers", alice);
			Reply paged = RelationsIntegrationTests.this.api.get("/users/followers?userID=" + alice + "&size=1", null);

			assertThat(ids(own)).containsExactly(id(second), id(first));
			assertThat(followedFlags(own)).containsExactly(false, true);
			assertThat(ids(paged)).containsExactly(id(second));
			assertThat(paged.data().get("hasMore").booleanValue()).isTrue();
		}

		@Test
		void anonymousWithoutUserIdIs1001() {
			assertThat(RelationsIntegrationTests.this.api.get("/users/followers", null).errCode()).isEqualTo(1001);
		}

		@Test
		void unknownUserIs1004() {
			assertThat(RelationsIntegrationTests.this.api.get("/users/followers?userID=" + newUserId(), null).errCode())
				.isEqualTo(1004);
		}

	}

	@Nested
	class Blacklist {

		@Test
		void blocksAndAnswersTheTarget() {
			long alice = syncedUser();
			long bob = syncedUser();

			Reply reply = block(alice, bob);

			ok(reply);
			assertThat(reply.data().get("target").stringValue()).isEqualTo(id(bob));
			assertThat(reply.data().get("blocked").booleanValue()).isTrue();
			assertThat(rows("user_blacklist", alice, bob)).isEqualTo(1);
		}

		@Test
		void takesTheTargetAsANumberButNotAsAFraction() {
			long alice = syncedUser();
			long bob = syncedUser();

			ok(post("/users/blacklist", alice, "{\"target\": " + bob + "}"));
			Reply fraction = post("/users/blacklist", alice, "{\"target\": " + bob + ".5}");

			assertThat(rows("user_blacklist", alice, bob)).isEqualTo(1);
			assertThat(fraction.status()).isEqualTo(400);
			assertThat(fraction.errDlt()).isEqualTo("target has a wrong type");
		}

		@Test
		void blacklistingTwiceIsOneRow() {
			long alice = syncedUser();
			long bob = syncedUser();

			ok(block(alice, bob));
			ok(block(alice, bob));

			assertThat(rows("user_blacklist", alice, bob)).isEqualTo(1);
		}

		@Test
		void removesTheFollowsInBothDirectionsAndTheirCounts() {
			long alice = syncedUser();
			long bob = syncedUser();
			long carol = syncedUser();
			ok(follow(alice, bob));
			ok(follow(bob, alice));
			ok(follow(carol, bob));
			assertThat(me(bob).get("followerCount").longValue()).isEqualTo(2);

			ok(block(alice, bob));

			assertThat(rows("user_follow", alice, bob)).isZero();
			assertThat(rows("user_follow", bob, alice)).isZero();
			assertThat(rows("user_follow", carol, bob)).isEqualTo(1);
			JsonNode aliceProfile = me(alice);
			JsonNode bobProfile = me(bob);
			assertThat(aliceProfile.get("followingCount").longValue()).isZero();
			assertThat(aliceProfile.get("followerCount").longValue()).isZero();
			assertThat(bobProfile.get("followingCount").longValue()).isZero();
			assertThat(bobProfile.get("followerCount").longValue()).isEqualTo(1);
			assertThat(follow(bob, alice).errCode()).isEqualTo(1302);
			assertThat(follow(alice, bob).errCode()).isEqualTo(1302);
		}

		@Test
		void answers1004ForAnUnknownTargetAnd1301ForYourself() {
			long alice = syncedUser();

			assertThat(block(alice, newUserId()).errCode()).isEqualTo(1004);
			assertThat(block(alice, alice).errCode()).isEqualTo(1301);
		}

		@Test
		void listsTheBlacklistNewestFirst() {
			long alice = syncedUser();
			long first = syncedUser();
			long second = syncedUser();
			ok(block(alice, first));
			ok(block(alice, second));

			Reply page1 = RelationsIntegrationTests.this.api.get("/users/blacklist?size=1", alice);
			Reply page2 = RelationsIntegrationTests.this.api.get("/users/blacklist?size=1&page=2", alice);

			ok(page1);
			assertThat(ids(page1)).containsExactly(id(second));
			assertThat(page1.data().get("hasMore").booleanValue()).isTrue();
			assertThat(ids(page2)).containsExactly(id(first));
			assertThat(page2.data().get("hasMore").booleanValue()).isFalse();
			assertThat(page1.data().get("list").get(0).propertyNames()).containsExactly("userID", "username",
					"nickname", "avatarUrl");
		}

		@Test
		void listNeedsASignedInUser() {
			assertThat(RelationsIntegrationTests.this.api.get("/users/blacklist", null).status()).isEqualTo(401);
		}

	}

	@Nested
	class Unblacklist {

		@Test
		void unblocksSoTheyCanFollowAgain() {
			long alice = syncedUser();
			long bob = syncedUser();
			ok(block(alice, bob));

			Reply reply = unblock(alice, bob);

			ok(reply);
			assertThat(reply.data().get("target").stringValue()).isEqualTo(id(bob));
			assertThat(reply.data().get("blocked").booleanValue()).isFalse();
			assertThat(rows("user_blacklist", alice, bob)).isZero();
			ok(follow(bob, alice));
		}

		@Test
		void unblockingNobodyIsASuccess() {
			long alice = syncedUser();

			ok(unblock(alice, syncedUser()));
		}

	}

	@Nested
	class Profiles {

		@Test
		void showCountsAndWhetherTheViewerFollows() {
			long alice = syncedUser();
			long bob = syncedUser();
			long carol = syncedUser();
			// Read first, so the copies exist and must be invalidated by the changes.
			assertThat(me(alice).get("followerCount").longValue()).isZero();
			assertThat(profile(alice, null).get("followingCount").longValue()).isZero();
			ok(follow(bob, alice));
			ok(follow(carol, alice));
			ok(follow(alice, bob));

			JsonNode own = me(alice);
			JsonNode seenByBob = profile(alice, bob);
			JsonNode seenByAlice = profile(bob, alice);
			JsonNode seenByCarolOfBob = profile(bob, carol);

			assertThat(own.get("followingCount").longValue()).isEqualTo(1);
			assertThat(own.get("followerCount").longValue()).isEqualTo(2);
			assertThat(seenByBob.get("followerCount").longValue()).isEqualTo(2);
			assertThat(seenByBob.get("followed").booleanValue()).isTrue();
			assertThat(seenByAlice.get("followed").booleanValue()).isTrue();
			assertThat(seenByCarolOfBob.get("followed").booleanValue()).isFalse();
			assertThat(profile(alice, null).has("followed")).isFalse();

			ok(unfollow(carol, alice));

			assertThat(profile(alice, null).get("followerCount").longValue()).isEqualTo(1);
		}

	}

	@Nested
	class InternalFollowingIds {

		@Test
		void answersEveryoneAUserFollowsNewestFirst() {
			long alice = syncedUser();
			long bob = syncedUser();
			long carol = syncedUser();
			ok(follow(alice, bob));
			ok(follow(alice, carol));

			Reply reply = RelationsIntegrationTests.this.api.internal("/internal/users/followings/ids",
					"{\"userID\": \"" + alice + "\"}");

			ok(reply);
			List<String> ids = new ArrayList<>();
			reply.data().get("userIDs").forEach((node) -> ids.add(node.stringValue()));
			assertThat(ids).containsExactly(id(carol), id(bob));
		}

		@Test
		void takesTheUserIdAsANumber() {
			long alice = syncedUser();
			long bob = syncedUser();
			ok(follow(alice, bob));

			Reply reply = RelationsIntegrationTests.this.api.internal("/internal/users/followings/ids",
					"{\"userID\": " + alice + "}");

			ok(reply);
			assertThat(reply.data().get("userIDs").get(0).stringValue()).isEqualTo(id(bob));
		}

		@Test
		void refusesTheGatewayAndAMissingUserId() {
			Reply viaGateway = post("/internal/users/followings/ids", null, "{\"userID\": \"1\"}");
			Reply missing = RelationsIntegrationTests.this.api.internal("/internal/users/followings/ids", "{}");

			assertThat(viaGateway.errCode()).isEqualTo(1002);
			assertThat(missing.errCode()).isEqualTo(1001);
		}

	}

	@Nested
	class InternalBlacklistCheck {

		@Test
		void answersThePairsThatAreBlacklistRowsInTheOrderAsked() {
			long alice = syncedUser();
			long bob = syncedUser();
			long carol = syncedUser();
			ok(block(alice, bob));
			ok(block(carol, alice));

			Reply reply = RelationsIntegrationTests.this.api.internal("/internal/users/blacklist/check", """
					{"pairs": [{"owner": "%d", "target": "%d"}, {"owner": %d, "target": %d},
					{"owner": "%d", "target": "%d"}, {"owner": "%d", "target": "%d"}]}""".formatted(carol, alice, bob,
					alice, alice, bob, alice, carol));

			ok(reply);
			JsonNode blocked = reply.data().get("blocked");
			assertThat(blocked).hasSize(2);
			assertThat(blocked.get(0).get("owner").stringValue()).isEqualTo(id(carol));
			assertThat(blocked.get(0).get("target").stringValue()).isEqualTo(id(alice));
			assertThat(blocked.get(1).get("owner").stringValue()).isEqualTo(id(alice));
			assertThat(blocked.get(1).get("target").stringValue()).isEqualTo(id(bob));
		}

		@Test
		void refusesAnEmptyOrInvalidRequest() {
			for (String body : List.of("{}", "{\"pairs\": []}", "{\"pairs\": [{\"owner\": \"x\", \"target\": 1}]}")) {
				Reply reply = RelationsIntegrationTests.this.api.internal("/internal/users/blacklist/check", body);
				assertThat(reply.status()).as(body).isEqualTo(400);
				assertThat(reply.errCode()).as(body).isEqualTo(1001);
			}
		}

	}

	@Nested
	class InternalViewerRelations {

		Reply relations(String json) {
			return RelationsIntegrationTests.this.api.internal("/internal/users/relations", json);
		}

		static List<String> list(Reply reply, String field) {
			List<String> ids = new ArrayList<>();
			reply.data().get(field).forEach((node) -> ids.add(node.stringValue()));
			return ids;
		}

		@Test
		void answersWhomTheViewerFollowsAndWhoBlacklistedTheViewerInTheOrderAsked() {
			long viewer = syncedUser();
			long followed = syncedUser();
			long alsoFollowed = syncedUser();
			long blocking = syncedUser();
			long blockedByViewer = syncedUser();
			long stranger = syncedUser();
			long followsViewer = syncedUser();
			ok(follow(viewer, followed));
			ok(follow(viewer, alsoFollowed));
			ok(block(blocking, viewer));
			ok(block(viewer, blockedByViewer));
			ok(follow(followsViewer, viewer));

			Reply reply = relations("""
					{"viewer": "%d", "owners": ["%d", %d, "%d", "%d", "%d", "%d", "%d", "%d"]}""".formatted(viewer,
					alsoFollowed, blocking, stranger, blockedByViewer, followed, followsViewer, viewer, followed));

			ok(reply);
			assertThat(reply.data().propertyNames()).containsExactly("following", "blockedBy");
			assertThat(list(reply, "following")).containsExactly(id(alsoFollowed), id(followed));
			assertThat(list(reply, "blockedBy")).containsExactly(id(blocking));
		}

		@Test
		void anOwnerWithNoRelationIsInNeitherList() {
			long viewer = syncedUser();
			long other = syncedUser();

			Reply reply = relations("{\"viewer\": " + viewer + ", \"owners\": [" + other + "]}");

			ok(reply);
			assertThat(list(reply, "following")).isEmpty();
			assertThat(list(reply, "blockedBy")).isEmpty();
		}

		@Test
		void takesAHundredOwners() {
			long viewer = syncedUser();
			List<String> owners = new ArrayList<>();
			for (int i = 1; i <= 100; i++) {
				owners.add("\"" + (viewer + 100_000 + i) + "\"");
			}

			ok(relations("{\"viewer\": \"" + viewer + "\", \"owners\": [" + String.join(",", owners) + "]}"));
		}

		@Test
		void refusesAnInvalidRequestWith1001() {
			String hundredAndOne = String.join(",", Collections.nCopies(101, "\"8\""));
			for (String body : List.of("{}", "{\"owners\": [\"8\"]}", "{\"viewer\": \"7\"}",
					"{\"viewer\": \"7\", \"owners\": []}", "{\"viewer\": \"x\", \"owners\": [\"8\"]}",
					"{\"viewer\": \"7\", \"owners\": [\"8\", \"-1\"]}", "{\"viewer\": \"7\", \"owners\": [null]}",
					"{\"viewer\": 7.5, \"owners\": [\"8\"]}",
					"{\"viewer\": \"7\", \"owners\": [" + hundredAndOne + "]}")) {
				Reply reply = relations(body);
				assertThat(reply.status()).as(body).isEqualTo(400);
				assertThat(reply.errCode()).as(body).isEqualTo(1001);
			}
		}

		@Test
		void refusesTheGatewayAndAnUnsignedCall() {
			String body = "{\"viewer\": \"7\", \"owners\": [\"8\"]}";

			Reply viaGateway = post("/internal/users/relations", null, body);
			Reply unsigned = RelationsIntegrationTests.this.api.sendWithHeaders("POST", "/internal/users/relations",
					Map.of("operationID", "op-1"), body);

			assertThat(viaGateway.status()).isEqualTo(403);
			assertThat(viaGateway.errCode()).isEqualTo(1002);
			assertThat(unsigned.status()).isEqualTo(403);
			assertThat(unsigned.errCode()).isEqualTo(1002);
		}

	}

}
