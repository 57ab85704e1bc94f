package com.contentsuite.common.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.contentsuite.common.idempotency.Idempotent;
import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.identity.Viewer;
import com.contentsuite.common.operation.OperationId;
import com.contentsuite.common.operation.OperationIdOptional;
import com.contentsuite.common.paging.PageQuery;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ErrorCode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;

/**
 * What every route of the suite shares, written into its operation from the handler's own
 * signature, so no controller repeats it: the {@code operationID} header, the token (a
 * {@link CurrentUser} parameter makes the route {@code required}, a {@link Viewer}
 * {@code optional}), {@code page} and {@code size} for a {@link PageQuery}, and the error
 * answers, grouped by HTTP status, each code with an example envelope. The codes are
 * those its kind of route always may answer plus the handler's {@link ApiErrors}; they
 * are also listed in {@code x-error-codes}, which the Postman collection's tests check
 * answers against.
 */
class RouteDocs implements OperationCustomizer {

	static final String TOKEN_SCHEME = "token";

	static final String ERROR_CODES = "x-error-codes";

	private static final List<ErrorCode> TOKEN_ERRORS = List.of(ErrorCode.TOKEN_EXPIRED, ErrorCode.TOKEN_INVALID,
			ErrorCode.TOKEN_MALFORMED, ErrorCode.TOKEN_KICKED);

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		operation.setOperationId(operationId(handler));
		boolean required = has(handler, CurrentUser.class);
		boolean optional = has(handler, Viewer.class);
		operation.addParametersItem(operationIdHeader(!handler.hasMethodAnnotation(OperationIdOptional.class)));
		if (has(handler, PageQuery.class)) {
			operation.addParametersItem(pageParameter("page", "page number, from 1", 1, Integer.MAX_VALUE, 1));
			operation
				.addParametersItem(pageParameter("size", "page size", 1, PageQuery.MAX_SIZE, PageQuery.DEFAULT_SIZE));
		}
		if (required) {
			operation.addSecurityItem(new SecurityRequirement().addList(TOKEN_SCHEME));
		}
		else if (optional) {
			// Either no token at all (an anonymous viewer) or a valid one.
			operation.addSecurityItem(new SecurityRequirement());
			operation.addSecurityItem(new SecurityRequirement().addList(TOKEN_SCHEME));
		}
		List<String> parts = documentParts(operation, handler);
		Set<ErrorCode> codes = codes(handler, required, optional);
		addErrorResponses(operation, codes, required, parts);
		operation.addExtension(ERROR_CODES, codes.stream().map(ErrorCode::code).sorted().collect(Collectors.toList()));
		return operation;
	}

	/**
	 * {@code commentCreate} for {@code CommentController.create}: unique across a service
	 * (springdoc's own would be {@code create_1}) and readable as a Postman request name.
	 */
	private static String operationId(HandlerMethod handler) {
		String type = handler.getBeanType().getSimpleName().replace("Controller", "");
		String method = handler.getMethod().getName();
		return Character.toLowerCase(type.charAt(0)) + type.substring(1) + Character.toUpperCase(method.charAt(0))
				+ method.substring(1);
	}

	private static Set<ErrorCode> codes(HandlerMethod handler, boolean required, boolean optional) {
		Set<ErrorCode> codes = new TreeSet<>();
		// Any route: a bad header or argument, a dependency down, an unexpected failure.
		codes.add(ErrorCode.ARGS);
		codes.add(ErrorCode.SERVICE_UNAVAILABLE);
		codes.add(ErrorCode.SERVER_INTERNAL);
		if (required || optional) {
			codes.addAll(TOKEN_ERRORS);
		}
		if (Arrays.stream(handler.getMethodParameters())
			.anyMatch((p) -> p.hasParameterAnnotation(PathVariable.class))) {
			codes.add(ErrorCode.RECORD_NOT_FOUND);
		}
		if (handler.hasMethodAnnotation(Idempotent.class)) {
			codes.add(ErrorCode.DUPLICATE_KEY);
		}
		ApiErrors declared = handler.getMethodAnnotation(ApiErrors.class);
		if (declared != null) {
			codes.addAll(Arrays.asList(declared.value()));
			Arrays.asList(declared.except()).forEach(codes::remove);
		}
		return codes;
	}

	/**
	 * A handler that takes file parts reads {@code multipart/form-data}, whatever
	 * springdoc guessed from a mapping without {@code consumes}: one binary property per
	 * part. The suite's upload handlers take every part of a name only so that a second
	 * one is refused ({@code "avatar must be one file"}, docs/api.md section 1), so each
	 * part is documented as one file.
	 * @return the names of the parts, empty for a handler that takes none
	 */
	private static List<String> documentParts(Operation operation, HandlerMethod handler) {
		ObjectSchema form = new ObjectSchema();
		List<String> parts = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
			if (part == null) {
				continue;
			}
			String name = !part.name().isEmpty() ? part.name() : parameter.getParameterName();
			parts.add(name);
			form.addProperty(name, new BinarySchema().description("one file; a second part named " + name
					+ " is refused with 1001 \"" + name + " must be one file\""));
			if (part.required()) {
				form.addRequiredItem(name);
			}
		}
		if (parts.isEmpty()) {
			return parts;
		}
		io.swagger.v3.oas.models.parameters.RequestBody body = (operation.getRequestBody() != null)
				? operation.getRequestBody() : new io.swagger.v3.oas.models.parameters.RequestBody();
		body.setContent(new Content().addMediaType(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE,
				new MediaType().schema(form)));
		body.setRequired(true);
		operation.setRequestBody(body);
		return parts;
	}

	private static void addErrorResponses(Operation operation, Set<ErrorCode> codes, boolean required,
			List<String> parts) {
		Map<Integer, List<ErrorAnswer>> byStatus = new LinkedHashMap<>();
		for (ErrorCode code : codes) {
			byStatus.computeIfAbsent(code.httpStatus(), (status) -> new ArrayList<>())
				.add(new ErrorAnswer(code, ErrorMeanings.detail(code), ErrorMeanings.meaning(code)));
		}
		if (required) {
			// No token on a required route: 401 with 1001 "token is empty".
			byStatus.get(401).add(0, new ErrorAnswer(ErrorCode.ARGS, "token is empty", "no token"));
		}
		if (!parts.isEmpty()) {
			// common's answers for a file over the limit and for a body that is not
			// multipart at all (docs/api.md section 1, "Malformed requests").
			byStatus.put(413, List.of(new ErrorAnswer(ErrorCode.ARGS, "request body is too large",
					"the file or the request is over the size limit")));
			byStatus.put(415,
					List.of(new ErrorAnswer(ErrorCode.ARGS, parts.get(0) + " must be sent as multipart/form-data",
							"the body is not multipart/form-data, or the file's type is not accepted")));
		}
		ApiResponses responses = operation.getResponses();
		if (responses == null) {
			responses = new ApiResponses();
			operation.setResponses(responses);
		}
		for (Map.Entry<Integer, List<ErrorAnswer>> entry : byStatus.entrySet()) {
			MediaType media = new MediaType().schema(new Schema<>().$ref(SuiteOpenApi.ERROR_SCHEMA_REF));
			List<String> lines = new ArrayList<>();
			for (ErrorAnswer answer : entry.getValue()) {
				ErrorCode code = answer.code();
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("errCode", code.code());
				body.put("errMsg", code.errMsg());
				body.put("errDlt", answer.detail());
				media.addExamples(String.valueOf(code.code()),
						new Example().summary(code.code() + " " + code.errMsg()).value(body));
				lines.add("`" + code.code() + " " + code.errMsg() + "`: " + answer.meaning());
			}
			responses.addApiResponse(String.valueOf(entry.getKey()), new ApiResponse()
				.description(String.join("; ", lines))
				.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, media)));
		}
	}

	/** One example envelope of an error answer and what it means. */
	private record ErrorAnswer(ErrorCode code, String detail, String meaning) {
	}

	private static Parameter operationIdHeader(boolean required) {
		return new HeaderParameter().name(OperationId.HEADER)
			.required(required)
			.description(required ? "1-64 of [A-Za-z0-9._:-]; answered back in the response header"
					: "may be omitted on this route (the gateway then mints one); answered back")
			.schema(new StringSchema().pattern("^[A-Za-z0-9._:-]{1,64}$").example("op-20261121-0001"));
	}

	private static Parameter pageParameter(String name, String description, int min, int max, int fallback) {
		IntegerSchema schema = new IntegerSchema();
		schema.setMinimum(java.math.BigDecimal.valueOf(min));
		if (max != Integer.MAX_VALUE) {
			schema.setMaximum(java.math.BigDecimal.valueOf(max));
		}
		schema.setDefault(fallback);
		return new QueryParameter().name(name).required(false).description(description).schema(schema);
	}

	private static boolean has(HandlerMethod handler, Class<?> type) {
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.getParameterType() == type && !parameter.hasParameterAnnotation(RequestBody.class)
					&& !parameter.hasParameterAnnotation(RequestParam.class)
					&& !parameter.hasParameterAnnotation(RequestPart.class)) {
				return true;
			}
		}
		return false;
	}

}
