package com.contentsuite.common.json;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * An identifier field, which docs/api.md lets a client send as a string or as a number:
 * {@code "7"} and {@code 7} both read as {@code "7"} (text fields take no number, see
 * {@link StrictJson}). Put it on each ID of a request,
 * {@code @JsonDeserialize(using = IdDeserializer.class) String target}, and check the
 * text with {@code Ids.parse}. A fraction, a boolean or an object is a wrong type.
 */
public class IdDeserializer extends ValueDeserializer<String> {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.hasToken(JsonToken.VALUE_STRING) || parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
			return UnicodeTextDeserializer.checked(parser, parser.getString());
		}
		return (String) context.handleUnexpectedToken(String.class, parser);
	}

}
