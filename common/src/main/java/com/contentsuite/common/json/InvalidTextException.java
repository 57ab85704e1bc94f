package com.contentsuite.common.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string that is not text the suite stores: a lone surrogate, or U+0000. Its
 * {@link #reason()} completes "{field} ...", and Jackson adds the field's path.
 */
public class InvalidTextException extends MismatchedInputException {

	private final String reason;

	InvalidTextException(JsonParser parser, String reason) {
		super(parser, "text " + reason, String.class);
		this.reason = reason;
	}

	public String reason() {
		return this.reason;
	}

}
