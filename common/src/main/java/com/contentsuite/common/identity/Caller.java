package com.contentsuite.common.identity;

/**
 * Who sent a verified request: the signing process, the user the gateway verified (or
 * {@code null}), and the client IP the gateway saw.
 */
public record Caller(String name, Long userId, String clientIp) {

	public static final String ATTRIBUTE = Caller.class.getName();

}
