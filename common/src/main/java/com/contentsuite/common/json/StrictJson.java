package com.contentsuite.common.json;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

/**
 * What every service's JSON mapper refuses, in one place: text that is not valid Unicode
 * or holds U+0000, and a number or boolean where text is expected ({@code {"nickname":
 * 123}} is a wrong type, not the nickname "123"). Identifiers still take a number through
 * {@link IdDeserializer}.
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
	}

}
