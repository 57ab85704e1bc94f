package com.contentsuite.common.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel/JSON error page: failures that escape MVC (a filter, the
 * container) still answer in the envelope, without the path, exception or trace Boot
 * would add.
 */
@RestController
public class EnvelopeErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ApiResponse<Void>> error(HttpServletRequest request) {
		Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (attribute instanceof Integer code) ? code : 500;
		Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (failure instanceof Throwable throwable) {
			ApiException known = DependencyFailures.classify(throwable);
			if (known != null) {
				return ResponseEntity.status(known.httpStatus()).body(ApiResponse.error(known.code(), known.detail()));
			}
		}
		return ResponseEntity.status(status)
			.body(ApiResponse.error(HttpStatusErrors.codeFor(status), HttpStatusErrors.detailFor(status)));
	}

}
