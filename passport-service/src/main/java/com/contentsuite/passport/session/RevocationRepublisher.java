package com.contentsuite.passport.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
 * Copies revoked, unexpired sessions from the database to Redis at start-up, and again
 * whenever Redis has lost them (a restart: it keeps nothing on disk here), which a marker
 * key's absence tells.
 */
@Component
class RevocationRepublisher implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(RevocationRepublisher.class);

	private static final int PAGE = 500;

	private final LoginSessionRepository sessions;

	private final RevocationStore revocations;

	private final SessionProperties properties;

	private final Clock clock;

	RevocationRepublisher(LoginSessionRepository sessions, RevocationStore revocations, SessionProperties properties,
			Clock clock) {
		this.sessions = sessions;
		this.revocations = revocations;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartup() {
		republishSafely();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration interval = this.properties.republishCheckInterval();
		registrar.addFixedDelayTask(new FixedDelayTask(() -> {
			if (!this.revocations.markerPresent()) {
				republishSafely();
			}
		}, interval, interval));
	}

	/** Answers how many sessions were published. */
	int republish() {
		Instant now = this.clock.instant();
		int published = 0;
		String after = "";
		List<RevokedSession> page;
		do {
			page = this.sessions.findRevokedAlive(now, after, Limit.of(PAGE));
			for (RevokedSession session : page) {
				Duration ttl = Duration.between(now, session.expiresAt());
				if (!ttl.isNegative() && !ttl.isZero()) {
					this.revocations.publish(session.sid(), "revoked", ttl);
					published++;
				}
				after = session.sid();
			}
		}
		while (page.size() == PAGE);
		this.revocations.setMarker();
		return published;
	}

	private void republishSafely() {
		try {
			int count = republish();
			log.info("Republished {} revoked sessions to Redis", count);
		}
		catch (RuntimeException ex) {
			log.error("Could not republish revoked sessions to Redis, will retry: {}", ex.toString());
		}
	}

}
