package com.contentsuite.article.article;

import com.contentsuite.common.web.ApiException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code {"status": 0 or 1}}, the body of the per-user toggles (likes, collections);
 * anything else is {@code 1001 "status error"} (docs/api.md section 4), a value of
 * another JSON type too. As every numeric field of the suite, the status may be written
 * as a string of digits ({@code "1"}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToggleStatus(@JsonDeserialize(using = StatusReader.class) Integer status) {

	/** Whether the toggle is to be on. */
	public boolean on() {
		if (this.status == null || (this.status != 0 && this.status != 1)) {
			throw ApiException.args("status error");
		}
		return this.status == 1;
	}

	/**
	 * Reads 0 and 1 (as a whole number or its digits) and leaves anything else null,
	 * which {@link #on()} refuses: a fraction, a boolean, other text, an array or an
	 * object is a status other than 0 or 1, not a malformed body.
	 */
	static final class StatusReader extends ValueDeserializer<Integer> {

		@Override
		public Integer deserialize(JsonParser parser, DeserializationContext context) {
			JsonToken token = parser.currentToken();
			if (token == JsonToken.VALUE_NUMBER_INT) {
				return (parser.getNumberType() == JsonParser.NumberType.INT) ? parser.getIntValue() : null;
			}
			if (token == JsonToken.VALUE_STRING) {
				String text = parser.getString();
				return "0".equals(text) ? Integer.valueOf(0) : "1".equals(text) ? Integer.valueOf(1) : null;
			}
			if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
				parser.skipChildren();
			}
			return null;
		}

	}

}
