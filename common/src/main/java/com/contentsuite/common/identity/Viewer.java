package com.contentsuite.common.identity;

/**
 * The viewer of an {@code optional} route: a user, or anonymous ({@code userId == null})
 * with the client IP the gateway saw.
 */
public record Viewer(Long userId, String clientIp) {

	public boolean isAnonymous() {
		return this.userId == null;
	}

	/** A key that tells viewers apart: the user, else the client IP. */
	public String key() {
		return (this.userId != null) ? "u" + this.userId : "ip" + this.clientIp;
	}

}
