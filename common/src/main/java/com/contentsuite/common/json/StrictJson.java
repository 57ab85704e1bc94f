package com.contentsuite.common.json;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

/**
 * What every service's JSON mapper refuses, in one place: text that is not valid Unicode
 * or holds U+0000, a number or boolean where text is expected ({@code {"nickname": 123}}
 * is a wrong type, not the nickname "123"), anything but {@code true} or {@code false}
 * for a flag, and an empty string or a boolean for a whole number. Identifiers still take
 * a number through {@link IdDeserializer}.
 */
public class StrictJson implements JsonMapperBuilderCustomizer {

	@Override
	public void customize(JsonMapper.Builder builder) {
		builder.addModule(
				new SimpleModule("suite-unicode-text").addDeserializer(String.class, new UnicodeTextDeserializer()));
		builder.withCoercionConfig(LogicalType.Textual,
				(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
		// A flag is true or false: 1, "true" and "" are wrong types, not silently a value
		// (a like with "cancel": 0 must not like, nor "cancel": 2 cancel).
		builder.withCoercionConfig(LogicalType.Boolean,
				(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
		// "" is no number: read as null it would take the field's default ("visibility":
		// ""
		// would publish to everyone).
		builder.withCoercionConfig(LogicalType.Integer,
				(config) -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
