package com.contentsuite.gateway.auth;

/** How a route treats the access token (docs/api.md section 1). */
public enum AuthMode {

	/** No token: 401. */
	REQUIRED,

	/** No token: an anonymous viewer; a bad token is still an error. */
	OPTIONAL,

	/** The token is ignored and no user is forwarded. */
	NONE

}
