package com.contentsuite.article.comment;

import com.contentsuite.common.json.IdDeserializer;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.annotation.JsonDeserialize;

/** {@code {"content", "parentID"?}}: no parentID, or "0", for a top-level comment. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CommentRequest(String content, @JsonDeserialize(using = IdDeserializer.class) String parentID) {

}
