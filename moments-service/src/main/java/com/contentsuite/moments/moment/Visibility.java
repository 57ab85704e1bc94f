package com.contentsuite.moments.moment;

/**
 * Who may see a post (docs/api.md section 5); the code is what the API and the table
 * hold.
 */
public enum Visibility {

	/** Anyone signed in. */
	EVERYONE(0),

	/** The author's followers. */
	FOLLOWERS(1),

	/** The author alone. */
	ONLY_ME(2);

	private final int code;

	Visibility(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

	public static Visibility of(int code) {
		for (Visibility visibility : values()) {
			if (visibility.code == code) {
				return visibility;
			}
		}
		throw new IllegalArgumentException("No visibility " + code);
	}

}
