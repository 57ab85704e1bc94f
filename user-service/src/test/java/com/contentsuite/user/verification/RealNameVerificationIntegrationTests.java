package com.contentsuite.user.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.contentsuite.user.Api;
import com.contentsuite.testsupport.ServiceApi.Reply;
import com.contentsuite.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class RealNameVerificationIntegrationTests extends UserServiceIntegrationTest {

	private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	@Test
	void answersNotVerifiedBeforeASubmission() {
		Reply reply = this.api.get("/users/auth", syncedUser());

		assertThat(reply.status()).isEqualTo(200);
		JsonNode data = reply.data();
		assertThat(data.propertyNames()).containsExactly("verified", "realName", "idCard", "submitTime");
		assertThat(data.get("verified").booleanValue()).isFalse();
		assertThat(data.get("realName").stringValue()).isEmpty();
		assertThat(data.get("idCard").stringValue()).isEmpty();
		assertThat(data.get("submitTime").isNull()).isTrue();
	}

	@Test
	void verifiesAndAnswersMaskedValues() {
		long userId = syncedUser();
		String idCard = IdCards.unique();

		Reply reply = submit(userId, "欧阳娜娜", idCard);

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.data().propertyNames()).containsExactly("verified");
		assertThat(reply.data().get("verified").booleanValue()).isTrue();
		JsonNode data = this.api.get("/users/auth", userId).data();
		assertThat(data.get("verified").booleanValue()).isTrue();
		assertThat(data.get("realName").stringValue()).isEqualTo("欧***");
		assertThat(data.get("idCard").stringValue())
			.isEqualTo(idCard.substring(0, 6) + "********" + idCard.substring(14));
		assertThat(data.get("submitTime").stringValue()).matches(TIME);
	}

	@Test
	void normalisesALowerCaseX() {
		long userId = syncedUser();
		String idCard = IdCards.withCheckChar("11010519491231002");
		assertThat(idCard).endsWith("X");

		assertThat(submit(userId, "张三", idCard.toLowerCase()).status()).isEqualTo(200);

		assertThat(this.api.get("/users/auth", userId).data().get("idCard").stringValue())
			.isEqualTo("110105********002X");
		assertThat(submit(syncedUser(), "李四", idCard).errCode()).isEqualTo(1003);
	}

	@Test
	void marksTheProfileVerified() {
		long userId = syncedUser();
		assertThat(this.api.get("/users/me", userId).data().get("verified").booleanValue()).isFalse();

		submit(userId, "张三", IdCards.unique());

		assertThat(this.api.get("/users/me", userId).data().get("verified").booleanValue()).isTrue();
	}

	@Test
	void refusesASecondSubmissionWith1003() {
		long userId = syncedUser();
		String idCard = IdCards.unique();
		submit(userId, "张三", idCard);

		Reply same = submit(userId, "张三", idCard);
		Reply other = submit(userId, "李四", IdCards.unique());

		assertThat(same.status()).isEqualTo(409);
		assertThat(same.errCode()).isEqualTo(1003);
		assertThat(other.errCode()).isEqualTo(1003);
		assertThat(other.errDlt()).isEqualTo("real-name verification is already done");
		assertThat(this.api.get("/users/auth", userId).data().get("realName").stringValue()).isEqualTo("张*");
	}

	@Test
	void refusesTheSameIdCardForAnotherUserWith1003() {
		String idCard = IdCards.unique();
		submit(syncedUser(), "张三", idCard);
		long other = syncedUser();

		Reply reply = submit(other, "张三", idCard);

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.errCode()).isEqualTo(1003);
		assertThat(reply.errDlt()).isEqualTo("idCard already verifies another account");
		assertThat(this.api.get("/users/auth", other).data().get("verified").booleanValue()).isFalse();
		assertThat(this.api.get("/users/me", other).data().get("verified").booleanValue()).isFalse();
	}

	@Test
	void letsExactlyOneOfTwoConcurrentSubmissionsOfOneCardSucceed() throws Exception {
		for (int round = 0; round < 5; round++) {
			String idCard = IdCards.unique();
			List<Long> users = List.of(syncedUser(), syncedUser());
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<Reply>> replies = new ArrayList<>();
				for (long userId : users) {
					replies.add(pool.submit(() -> {
						start.await();
						return submit(userId, "张三", idCard);
					}));
				}
				start.countDown();
				List<Integer> codes = new ArrayList<>();
				for (Future<Reply> reply : replies) {
					codes.add(reply.get().errCode());
				}
				assertThat(codes).containsExactlyInAnyOrder(0, 1003);
			}
			finally {
				pool.shutdownNow();
			}
			long verified = users.stream()
				.filter((userId) -> this.api.get("/users/me", userId).data().get("verified").booleanValue())
				.count();
			assertThat(verified).isEqualTo(1);
		}
	}

	@Test
	void letsExactlyOneOfTwoConcurrentSubmissionsOfOneUserSucceed() throws Exception {
		long userId = syncedUser();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Reply>> replies = new ArrayList<>();
			for (String name : List.of("张三", "李四")) {
				replies.add(pool.submit(() -> {
					start.await();
					return submit(userId, name, IdCards.unique());
				}));
			}
			start.countDown();
			List<Integer> codes = new ArrayList<>();
			for (Future<Reply> reply : replies) {
				codes.add(reply.get().errCode());
			}
			assertThat(codes).containsExactlyInAnyOrder(0, 1003);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.api.get("/users/auth", userId).data().get("realName").stringValue()).isIn("张*", "李*");
	}

	@Test
	void refusesInvalidValuesWith1001NamingTheField() {
		long userId = syncedUser();

		assertRefused(submit(userId, "张三", "110101199003071234"), "idCard has a wrong check digit");
		assertRefused(submit(userId, "张三", IdCards.withCheckChar("11010119900230123")),
				"idCard has an invalid birth date");
		assertRefused(submit(userId, "张三", "1101011990"), "idCard must be 18 characters");
		assertRefused(submit(userId, "张3", IdCards.unique()), "realName may only hold letters and the middle dot");
		assertRefused(submit(userId, "张三", null), "idCard is required");
		assertRefused(submit(userId, null, IdCards.unique()), "realName is required");
		assertThat(this.api.get("/users/me", userId).data().get("verified").booleanValue()).isFalse();
	}

	@Test
	void answers1004ForAUserWithoutProfile() {
		Reply reply = submit(newUserId(), "张三", IdCards.unique());

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.errCode()).isEqualTo(1004);
	}

	@Test
	void withoutATokenIsRefusedWith401() {
		assertThat(this.api.get("/users/auth", null).status()).isEqualTo(401);
		assertThat(submit(null, "张三", IdCards.unique()).status()).isEqualTo(401);
	}

	private static void assertRefused(Reply reply, String detail) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.errCode()).isEqualTo(1001);
		assertThat(reply.errDlt()).isEqualTo(detail);
	}

	Reply submit(Long userId, String realName, String idCard) {
		return this.api.send("POST", "/users/auth", Api.GATEWAY, userId,
				"{\"realName\": %s, \"idCard\": %s}".formatted(Api.quote(realName), Api.quote(idCard)));
	}

}
