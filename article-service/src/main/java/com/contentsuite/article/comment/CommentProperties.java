package com.contentsuite.article.comment;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param perMinute new comments a user may write per minute; more answer 1005
 */
@Validated
@ConfigurationProperties("article.comments")
record CommentProperties(@Min(1) @DefaultValue("10") int perMinute) {

}
