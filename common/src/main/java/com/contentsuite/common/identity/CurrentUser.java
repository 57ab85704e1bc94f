package com.contentsuite.common.identity;

/**
 * The signed-in user of a {@code required} route. A controller parameter of this type
 * answers 401 {@code token is empty} when the gateway verified no token.
 */
public record CurrentUser(long userId) {
}
