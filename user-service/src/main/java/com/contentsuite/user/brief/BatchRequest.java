package com.contentsuite.user.brief;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.contentsuite.common.json.IdDeserializer;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.annotation.JsonDeserialize;

/** {@code {"userIDs": [...]}}: 1-100 IDs, each a string or a number of decimal digits. */
@JsonIgnoreProperties(ignoreUnknown = true)
record BatchRequest(@NotNull(message = "is required") @Size(min = 1, max = BatchRequest.MAX_IDS,
		message = "must hold 1-100 IDs") @JsonDeserialize(contentUsing = IdDeserializer.class) List<String> userIDs) {

	static final int MAX_IDS = 100;

}
