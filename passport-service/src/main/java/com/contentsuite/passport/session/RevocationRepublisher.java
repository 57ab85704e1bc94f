package com.contentsuite.passport.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import com.contentsuite.passport.token.TokenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps Redis's copy of the revoked sessions complete, since the gateway reads only
 * Redis. At start-up, and whenever the marker key is missing (Redis restarted or lost its
 * data: it keeps nothing on disk here), every revoked, unexpired session is copied and
 * then the marker set. Otherwise every check re-copies the sessions revoked within the
 * last access-token lifetime, which repairs a revocation whose Redis write failed or was
 * lost. Older revocations need no repair at the gateway: every access token of such a
 * session has expired, and refresh tokens are checked against the database. Every write
 * is a SET with a TTL, so repeating one changes nothing. The marker is never deleted
 * here.
 */
@Component
class RevocationRepublisher implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(RevocationRepublisher.class);

	private static final int PAGE = 500;

	/**
	 * Added to the access-token lifetime: clock differences between instances, the
	 * database and the gateway's verifier.
	 */
	static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

	private final LoginSessionRepository sessions;

	private final RevocationStore revocations;

	private final SessionProperties properties;

	private final TokenService tokens;

	private final Clock clock;

	RevocationRepublisher(LoginSessionRepository sessions, RevocationStore revocations, SessionProperties properties,
			TokenService tokens, Clock clock) {
		this.sessions = sessions;
		this.revocations = revocations;
		this.properties = properties;
		this.tokens = tokens;
		this.clock = clock;
	}

	/** Runs before the application reports itself ready. */
	@EventListener(ApplicationReadyEvent.class)
	void atStartup() {
		try {
			log.info("Republished {} revoked sessions to Redis", republish());
		}
		catch (RuntimeException ex) {
			log.error("Could not republish revoked sessions to Redis, will retry: {}", ex.toString());
		}
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration interval = this.properties.republishCheckInterval();
		registrar.addFixedDelayTask(new FixedDelayTask(this::check, interval, interval));
	}

	/** One periodic check; never throws, the next one retries. */
	void check() {
		try {
			if (!this.revocations.markerPresent()) {
				log.warn("Redis lost the revoked sessions; republished {}", republish());
			}
			else {
				int count = republishRecent();
				log.debug("Re-published {} recently revoked sessions", count);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not republish revoked sessions to Redis, will retry: {}", ex.toString());
		}
	}

	/**
	 * Copies every revoked, unexpired session, then sets the marker. Answers how many
	 * sessions were published.
	 */
	synchronized int republish() {
		Instant now = this.clock.instant();
		int published = publishPages(now, (after) -> this.sessions.findRevokedAlive(now, after, Limit.of(PAGE)));
		this.revocations.setMarker();
		return published;
	}

	/**
	 * Copies the sessions revoked within the last access-token lifetime (and a margin).
	 * Answers how many sessions were published.
	 */
	synchronized int republishRecent() {
		Instant now = this.clock.instant();
		Instant since = now.minus(this.tokens.accessTtl()).minus(CLOCK_MARGIN);
		return publishPages(now, (after) -> this.sessions.findRevokedSince(since, now, after, Limit.of(PAGE)));
	}

	private int publishPages(Instant now, Function<String, List<RevokedSession>> pageAfter) {
		int published = 0;
		String after = "";
		List<RevokedSession> page;
		do {
			page = pageAfter.apply(after);
			for (RevokedSession session : page) {
				Duration ttl = Duration.between(now, session.expiresAt());
				if (!ttl.isNegative() && !ttl.isZero()) {
					this.revocations.publish(session.sid(), (session.reason() != null) ? session.reason() : "revoked",
							ttl);
					published++;
				}
				after = session.sid();
			}
		}
		while (page.size() == PAGE);
		return published;
	}

}
