package com.contentsuite.user.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.contentsuite.common.jdbc.SqlTimes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of notification rows. */
@Repository
class NotificationStore {

	private final JdbcClient jdbc;

	NotificationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the notification unless its natural key exists; answers whether it did. */
	boolean insert(Stored row) {
		return this.jdbc
			.sql("INSERT IGNORE INTO notification (recipient_id, type, actor_id, article_id, post_id,"
					+ " comment_id, excerpt, natural_key, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(row.recipientId(), row.type(), row.actorId(), row.articleId(), row.postId(), row.commentId(),
					row.excerpt(), row.naturalKey(), SqlTimes.utc(row.createTime()))
			.update() > 0;
	}

	/** The row of a natural key: its id, and whether it is unread. */
	Optional<Key> find(String naturalKey) {
		return this.jdbc.sql("SELECT id, is_read FROM notification WHERE natural_key = ?")
			.params(naturalKey)
			.query((rs, n) -> new Key(rs.getLong("id"), !rs.getBoolean("is_read")))
			.optional();
	}

	List<Stored> page(long recipientId, long offset, int limit) {
		return this.jdbc
			.sql("SELECT id, recipient_id, type, actor_id, article_id, post_id, comment_id, excerpt,"
					+ " natural_key, create_time, is_read FROM notification WHERE recipient_id = ?"
					+ " ORDER BY id DESC LIMIT ? OFFSET ?")
			.params(recipientId, limit, offset)
			.query((rs, n) -> new Stored(rs.getLong("id"), rs.getLong("recipient_id"), rs.getString("type"),
					rs.getLong("actor_id"), (Long) rs.getObject("article_id", Long.class),
					(Long) rs.getObject("post_id", Long.class), (Long) rs.getObject("comment_id", Long.class),
					rs.getString("excerpt"), rs.getString("natural_key"), SqlTimes.instant(rs, "create_time"),
					rs.getBoolean("is_read")))
			.list();
	}

	List<Long> unreadIds(long recipientId) {
		return this.jdbc.sql("SELECT id FROM notification WHERE recipient_id = ? AND is_read = FALSE")
			.params(recipientId)
			.query(Long.class)
			.list();
	}

	long unreadCount(long recipientId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = ? AND is_read = FALSE")
			.params(recipientId)
			.query(Long.class)
			.single();
	}

	/** Whether the recipient has this notification (read or not). */
	boolean exists(long recipientId, long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE id = ? AND recipient_id = ?")
			.params(id, recipientId)
			.query(Long.class)
			.single() > 0;
	}

	boolean markRead(long recipientId, long id) {
		return this.jdbc
			.sql("UPDATE notification SET is_read = TRUE WHERE id = ? AND recipient_id = ? AND is_read = FALSE")
			.params(id, recipientId)
			.update() > 0;
	}

	/** Locks the recipient's unread rows and answers their ids (then flagged read). */
	List<Long> lockUnread(long recipientId) {
		return this.jdbc.sql("SELECT id FROM notification WHERE recipient_id = ? AND is_read = FALSE FOR UPDATE")
			.params(recipientId)
			.query(Long.class)
			.list();
	}

	void markAllRead(long recipientId, List<Long> ids) {
		this.jdbc.sql("UPDATE notification SET is_read = TRUE WHERE recipient_id = :recipient AND id IN (:ids)")
			.param("recipient", recipientId)
			.param("ids", ids)
			.update();
	}

	record Key(long id, boolean unread) {
	}

	record Stored(long id, long recipientId, String type, long actorId, Long articleId, Long postId, Long commentId,
			String excerpt, String naturalKey, Instant createTime, boolean read) {
	}

}
