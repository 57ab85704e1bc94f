package com.contentsuite.article.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.contentsuite.article.ArticleServiceIntegrationTest;
import com.contentsuite.testsupport.ServiceApi;
import com.contentsuite.testsupport.ServiceApi.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replies and deletions racing in one tree: every call answers a definitive outcome, the
 * article's {@code comments} is the number of comments not deleted, and the tree holds
 * exactly the comments that are live or have a reply still shown, whatever the
 * interleaving.
 */
class CommentTreesConcurrencyIntegrationTests extends ArticleServiceIntegrationTest {

	private static final int THREADS = 8;

	private static final int CALLS_PER_THREAD = 15;

	private static final int REPLIED = -1;

	private static final int DELETED = -2;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void racingRepliesAndDeletionsLeaveAConsistentTree() throws Exception {
		long author = newUser();
		long article = write(author);
		List<Long> known = new CopyOnWriteArrayList<>();
		long top = create(article, newUser(), 0);
		known.add(top);
		for (int i = 0; i < 3; i++) {
			long child = create(article, newUser(), top);
			known.add(child);
			known.add(create(article, newUser(), child));
		}
		Map<Integer, Integer> outcomes = new ConcurrentHashMap<>();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<CompletableFuture<Void>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				Random random = new Random(20_260_302L + t);
				List<Long> users = new ArrayList<>();
				for (int i = 0; i < CALLS_PER_THREAD; i++) {
					users.add(newUser());
				}
				workers.add(CompletableFuture.runAsync(() -> {
					await(start);
					for (int i = 0; i < CALLS_PER_THREAD; i++) {
						long target = known.get(random.nextInt(known.size()));
						Reply reply;
						if (random.nextInt(3) == 0) {
							reply = delete(article, target, random.nextBoolean() ? author : owner(target));
							outcomes.merge((reply.errCode() == 0) ? DELETED : reply.errCode(), 1, Integer::sum);
						}
						else {
							reply = post(article, users.get(i), target);
							if (reply.errCode() == 0) {
								known.add(Long.parseLong(reply.data().get("commentID").stringValue()));
							}
							outcomes.merge((reply.errCode() == 0) ? REPLIED : reply.errCode(), 1, Integer::sum);
						}
						assertThat(reply.errCode()).as(reply.body()).isIn(0, 1001, 1004);
					}
				}, pool));
			}
			start.countDown();
			CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(outcomes).as("%s", outcomes).containsKeys(REPLIED, DELETED);
		List<Row> rows = rows(article);
		Map<Long, Row> byId = new HashMap<>();
		rows.forEach((row) -> byId.put(row.id(), row));
		Set<Long> shownParents = new HashSet<>();
		rows.stream().filter(Row::shown).forEach((row) -> shownParents.add(row.parentId()));
		for (Row row : rows) {
			assertThat(row.shown()).as("shown iff live or a reply below is shown: %s", row)
				.isEqualTo(!row.deleted() || shownParents.contains(row.id()));
			if (row.shown() && row.parentId() != 0) {
				assertThat(byId.get(row.parentId()).shown()).as("the parent of %s", row).isTrue();
			}
		}
		long live = rows.stream().filter((row) -> !row.deleted()).count();
		Reply detail = this.api.get("/articles/" + article, null);
		assertThat(detail.data().get("comments").longValue()).isEqualTo(live);
		Reply page = this.api.get("/articles/" + article + "/comments?size=50", null);
		Set<Long> listed = new HashSet<>();
		page.data().get("list").forEach((comment) -> collect(comment, listed));
		assertThat(listed).containsExactlyInAnyOrderElementsOf(rows.stream().filter(Row::shown).map(Row::id).toList());
	}

	private long create(long article, long userId, long parentId) {
		Reply reply = post(article, userId, parentId);
		assertThat(reply.errCode()).as(reply.body()).isZero();
		return Long.parseLong(reply.data().get("commentID").stringValue());
	}

	private Reply post(long article, long userId, long parentId) {
		return this.api.send("POST", "/articles/" + article + "/comments", ServiceApi.GATEWAY, userId,
				"{\"content\":\"reply by " + userId + "\",\"parentID\":\"" + parentId + "\"}");
	}

	private Reply delete(long article, long commentId, long userId) {
		return this.api.send("DELETE", "/articles/" + article + "/comments/" + commentId, ServiceApi.GATEWAY, userId,
				null);
	}

	private long owner(long commentId) {
		return this.jdbc.sql("SELECT author_id FROM article_comment WHERE id = ?")
			.param(commentId)
			.query(Long.class)
			.single();
	}

	private List<Row> rows(long article) {
		return this.jdbc.sql("SELECT id, parent_id, deleted, shown FROM article_comment WHERE article_id = ?")
			.param(article)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("parent_id"), rs.getBoolean("deleted"),
					rs.getBoolean("shown")))
			.list();
	}

	private static void collect(JsonNode comment, Set<Long> ids) {
		ids.add(Long.parseLong(comment.get("commentID").stringValue()));
		comment.get("children").forEach((child) -> collect(child, ids));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Row(long id, long parentId, boolean deleted, boolean shown) {
	}

}
