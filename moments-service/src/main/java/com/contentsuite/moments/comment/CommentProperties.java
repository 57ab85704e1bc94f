package com.contentsuite.moments.comment;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param perMinute new comments a user may write per minute, as for articles; more answer
 * 1005
 */
@Validated
@ConfigurationProperties("moments.comments")
record CommentProperties(@Min(1) @DefaultValue("10") int perMinute) {

}
