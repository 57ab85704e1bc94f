package com.contentsuite.user.notification;

/**
 * Whether a recipient blacklisted an actor, asked when a notification is stored: the port
 * the relation feature implements, so this feature does not reach into its tables.
 */
public interface Blocklist {

	boolean blocks(long owner, long actor);

}
