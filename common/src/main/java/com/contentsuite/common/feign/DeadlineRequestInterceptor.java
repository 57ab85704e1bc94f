package com.contentsuite.common.feign;

import com.contentsuite.common.deadline.RequestDeadline;
import feign.RequestInterceptor;
import feign.RequestTemplate;

/**
 * A sibling call made for a request carries what is left of that request's deadline, and
 * is not made at all once it has passed.
 */
public class DeadlineRequestInterceptor implements RequestInterceptor {

	@Override
	public void apply(RequestTemplate template) {
		template.header(RequestDeadline.HEADER);
		if (RequestDeadline.isActive()) {
			RequestDeadline.check();
			template.header(RequestDeadline.HEADER, Long.toString(RequestDeadline.remainingMillis()));
		}
	}

}
