package com.contentsuite.common.web;

import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import com.contentsuite.common.json.InvalidTextException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The one mapping from exceptions to the envelope for every servlet service. Details are
 * written here, never taken from an exception message that might hold SQL, class names or
 * hosts.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ApiResponse<Void>> api(ApiException ex) {
		return respond(ex.httpStatus(), ex.code(), ex.detail());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ApiResponse<Void>> invalidBody(MethodArgumentNotValidException ex) {
		FieldError field = ex.getBindingResult().getFieldError();
		String detail = (field != null) ? ClientNames.ofField(ex.getBindingResult().getTarget(), field.getField()) + " "
				+ field.getDefaultMessage() : "request is invalid";
		return respond(400, ErrorCode.ARGS, detail);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ApiResponse<Void>> invalidParameter(HandlerMethodValidationException ex) {
		String detail = ex.getParameterValidationResults()
			.stream()
			.findFirst()
			.map((result) -> ClientNames.ofParameter(result.getMethodParameter()) + " "
					+ result.getResolvableErrors().get(0).getDefaultMessage())
			.orElse("request is invalid");
		return respond(400, ErrorCode.ARGS, detail);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiResponse<Void>> unreadable(HttpMessageNotReadableException ex) {
		return respond(400, ErrorCode.ARGS, describeUnreadable(ex));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiResponse<Void>> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return respond(400, ErrorCode.ARGS, ex.getName() + " has a wrong type");
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiResponse<Void>> missingParameter(MissingServletRequestParameterException ex) {
		return respond(400, ErrorCode.ARGS, ex.getParameterName() + " is required");
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ApiResponse<Void>> missingPart(MissingServletRequestPartException ex) {
		return respond(400, ErrorCode.ARGS, ex.getRequestPartName() + " is required");
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ApiResponse<Void>> missingHeader(MissingRequestHeaderException ex) {
		return respond(400, ErrorCode.ARGS, "header must have " + ex.getHeaderName());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiResponse<Void>> tooLarge(MaxUploadSizeExceededException ex) {
		return respond(413, ErrorCode.ARGS, "request body is too large");
	}

	/**
	 * A body that claims to be multipart but does not parse is 400; a request that is not
	 * multipart at all, sent to a route that takes parts, is 415 (as a JSON route answers
	 * a wrong media type).
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ApiResponse<Void>> notMultipart(MultipartException ex, HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, "multipart/".length())) {
			return respond(400, ErrorCode.ARGS, "request is not a valid multipart body");
		}
		return respond(415, ErrorCode.ARGS, ClientNames.ofFirstPart(request) + " must be sent as multipart/form-data");
	}

	/** 404, 405, 406, 413, 415 and the other status exceptions Spring raises itself. */
	@ExceptionHandler({ ErrorResponseException.class, ServletException.class })
	ResponseEntity<ApiResponse<Void>> springStatus(Exception ex) {
		if (!(ex instanceof ErrorResponse response)) {
			return unexpected(ex);
		}
		int status = response.getStatusCode().value();
		if (status >= 500) {
			return unexpected(ex);
		}
		return respond(status, HttpStatusErrors.codeFor(status), HttpStatusErrors.detailFor(status));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiResponse<Void>> unexpected(Exception ex) {
		ApiException known = DependencyFailures.classify(ex);
		if (known != null) {
			log.warn("Dependency failure: {}", ex.toString());
			return api(known);
		}
		log.error("Unexpected failure", ex);
		return respond(500, ErrorCode.SERVER_INTERNAL, "server internal error");
	}

	private static ResponseEntity<ApiResponse<Void>> respond(int status, ErrorCode code, String detail) {
		return ResponseEntity.status(status).body(ApiResponse.error(code, detail));
	}

	private static String describeUnreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause == null) {
			return "request body is missing";
		}
		if (cause instanceof StreamReadException read && !(read instanceof InputCoercionException)) {
			return "request body is not valid JSON";
		}
		if (cause instanceof InvalidTextException text) {
			String field = fieldOf(text.getPath());
			return ((field.isEmpty()) ? "request body" : field) + " " + text.reason();
		}
		if (cause instanceof JacksonException json) {
			String field = fieldOf(json.getPath());
			return (field.isEmpty()) ? "request body has a wrong type" : field + " has a wrong type";
		}
		return "request body is not readable";
	}

	private static String fieldOf(List<JacksonException.Reference> path) {
		StringBuilder name = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				name.append((name.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				name.append('[').append(reference.getIndex()).append(']');
			}
		}
		return name.toString();
	}

}
