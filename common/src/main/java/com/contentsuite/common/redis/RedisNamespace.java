package com.contentsuite.common.redis;

/**
 * Prefix put in front of every Redis key of a process ({@code suite.redis.namespace},
 * empty in production). Tests give each Spring context its own, so runs never see each
 * other's keys.
 */
public record RedisNamespace(String prefix) {

	public RedisNamespace {
		prefix = (prefix != null) ? prefix : "";
	}

	public String key(String key) {
		return this.prefix + key;
	}

}
