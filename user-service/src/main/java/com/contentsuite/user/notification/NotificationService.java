package com.contentsuite.user.notification;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.contentsuite.common.paging.PageQuery;
import com.contentsuite.common.paging.PageResult;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.Ids;
import com.contentsuite.user.brief.BriefUser;
import com.contentsuite.user.brief.BriefUsers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Storing, listing and reading notifications. Storing is idempotent: a notification is
 * one row per natural key, so a repeated action and a retried delivery leave one. Each
 * event is its own short insert: no recipient's row is locked by another's event.
 */
@Service
class NotificationService {

	static final int MAX_EXCERPT = 50;

	private final NotificationStore store;

	private final UnreadCounts counts;

	private final Blocklist blocklist;

	private final BriefUsers briefUsers;

	private final TransactionTemplate transactions;

	private final Clock clock;

	NotificationService(NotificationStore store, UnreadCounts counts, Blocklist blocklist, BriefUsers briefUsers,
			TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.counts = counts;
		this.blocklist = blocklist;
		this.briefUsers = briefUsers;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Stores these events (checked all first: one bad event refuses the call and stores
	 * nothing); answers how many were new. Nothing is stored for an actor acting on their
	 * own content or one the recipient blacklisted.
	 */
	int store(List<NotificationRequest> events) {
		List<NotificationStore.Stored> rows = events.stream().map(this::checked).toList();
		int stored = 0;
		Map<Long, List<Long>> unread = new HashMap<>();
		for (NotificationStore.Stored row : rows) {
			if (row.recipientId() == row.actorId() || this.blocklist.blocks(row.recipientId(), row.actorId())) {
				continue;
			}
			if (this.store.insert(row)) {
				stored++;
			}
			// Found again after a retry: counted again (idempotent) in case the first
			// delivery died between its insert and its count.
			this.store.find(row.naturalKey())
				.filter(NotificationStore.Key::unread)
				.ifPresent((key) -> unread.computeIfAbsent(row.recipientId(), (r) -> new ArrayList<>()).add(key.id()));
		}
		unread.forEach(this.counts::added);
		return stored;
	}

	PageResult<NotificationView> list(long userId, PageQuery page) {
		List<NotificationStore.Stored> rows = this.store.page(userId, page.offset(), page.size() + 1);
		boolean hasMore = rows.size() > page.size();
		List<NotificationStore.Stored> shown = hasMore ? rows.subList(0, page.size()) : rows;
		LinkedHashSet<Long> actors = new LinkedHashSet<>();
		shown.forEach((row) -> actors.add(row.actorId()));
		Map<String, BriefUser> briefs = new HashMap<>();
		if (!actors.isEmpty()) {
			this.briefUsers.find(actors).forEach((user) -> briefs.put(user.userID(), user));
		}
		List<NotificationView> list = shown.stream().map((row) -> NotificationView.of(row, briefs)).toList();
		return new PageResult<>(list, page.page(), page.size(), hasMore);
	}

	long unread(long userId) {
		return this.counts.count(userId, this.store::unreadIds, this.store::unreadCount);
	}

	/**
	 * Flags one notification read, or all of the user's; answers the unread count after.
	 */
	long read(long userId, String notificationId) {
		if (notificationId != null) {
			long id = Ids.parse(notificationId, "notificationID");
			if (!this.store.exists(userId, id)) {
				throw ApiException.notFound("notification not found");
			}
			Boolean changed = this.transactions.execute((status) -> this.store.markRead(userId, id));
			if (Boolean.TRUE.equals(changed)) {
				this.counts.removed(userId, List.of(id));
			}
		}
		else {
			List<Long> ids = this.transactions.execute((status) -> {
				List<Long> unread = this.store.lockUnread(userId);
				if (!unread.isEmpty()) {
					this.store.markAllRead(userId, unread);
				}
				return unread;
			});
			if (ids != null && !ids.isEmpty()) {
				this.counts.removed(userId, ids);
			}
		}
		return unread(userId);
	}

	private NotificationStore.Stored checked(NotificationRequest event) {
		NotificationType type = NotificationType.of(event.type());
		long recipient = Ids.parse(event.recipientID(), "recipientID");
		long actor = Ids.parse(event.actorID(), "actorID");
		Long article = optionalId(event.articleID(), "articleID", type.article);
		Long post = optionalId(event.postID(), "postID", type.post);
		Long comment = optionalId(event.commentID(), "commentID", type.comment);
		String excerpt = (event.excerpt() != null) ? event.excerpt() : "";
		if (excerpt.codePointCount(0, excerpt.length()) > MAX_EXCERPT) {
			excerpt = excerpt.substring(0, excerpt.offsetByCodePoints(0, MAX_EXCERPT));
		}
		return new NotificationStore.Stored(0, recipient, type.wire, actor, article, post, comment, excerpt,
				event.naturalKey(), ((event.createTime() != null) ? event.createTime() : this.clock.instant())
					.truncatedTo(ChronoUnit.MILLIS),
				false);
	}

	private static Long optionalId(String value, String name, boolean required) {
		if (value == null) {
			if (required) {
				throw ApiException.args(name + " is required");
			}
			return null;
		}
		return Ids.parse(value, name);
	}

}
