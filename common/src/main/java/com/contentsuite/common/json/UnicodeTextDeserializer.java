package com.contentsuite.common.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Every {@code String} read from JSON, refused when it is not valid text (see
 * {@link UnicodeText}). Jackson's own reading, coercion rules included, comes first.
 */
class UnicodeTextDeserializer extends StringDeserializer {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		return checked(parser, super.deserialize(parser, context));
	}

	static String checked(JsonParser parser, String value) {
		String problem = (value != null) ? UnicodeText.problemOf(value) : null;
		if (problem != null) {
			throw new InvalidTextException(parser, problem);
		}
		return value;
	}

}
