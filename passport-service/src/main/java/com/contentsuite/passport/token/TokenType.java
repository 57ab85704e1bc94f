package com.contentsuite.passport.token;

/** The {@code token_type} claim that keeps access and refresh tokens apart. */
public enum TokenType {

	ACCESS("access"), REFRESH("refresh");

	private final String claim;

	TokenType(String claim) {
		this.claim = claim;
	}

	public String claim() {
		return this.claim;
	}

}
