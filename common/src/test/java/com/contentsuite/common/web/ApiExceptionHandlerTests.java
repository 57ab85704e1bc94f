package com.contentsuite.common.web;

import java.sql.SQLIntegrityConstraintViolationException;

import com.contentsuite.common.json.StrictJson;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiExceptionHandlerTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SampleController())
		.setControllerAdvice(new ApiExceptionHandler())
		.setMessageConverters(new JacksonJsonHttpMessageConverter(strictJson()))
		.build();

	// The mapper every service gets from common's auto-configuration.
	private static JsonMapper strictJson() {
		JsonMapper.Builder builder = JsonMapper.builder();
		new StrictJson().customize(builder);
		return builder.build();
	}

	@Nested
	class Arguments {

		@Test
		void validationNamesTheField() throws Exception {
			expect(postJson("{\"title\":\"\",\"count\":1}"), 400, 1001)
				.andExpect(jsonPath("$.errDlt").value(org.hamcrest.Matchers.startsWith("title ")));
		}

		@Test
		void validationUsesTheJsonNameOfTheField() throws Exception {
			expect(postJson("{\"title\":\"a\",\"img_code\":\"toolong\"}"), 400, 1001)
				.andExpect(jsonPath("$.errDlt").value(org.hamcrest.Matchers.startsWith("img_code ")));
		}

		@Test
		void malformedJsonIsArgsError() throws Exception {
			expect(postJson("{\"title\":"), 400, 1001)
				.andExpect(jsonPath("$.errDlt").value("request body is not valid JSON"));
		}

		@Test
		void aWrongTypeNamesTheField() throws Exception {
			expect(postJson("{\"title\":\"a\",\"count\":\"many\"}"), 400, 1001)
				.andExpect(jsonPath("$.errDlt").value("count has a wrong type"));
		}

		@Test
		void textThatIsNotValidUnicodeNamesTheFieldAsTheClientWroteIt() throws Exception {
			expect(postJson("{\"title\":\"\\ud800\"}"), 400, 1001)
				.andExpect(jsonPath("$.errDlt").value("title is not valid Unicode text"));
			expect(postJson("{\"title\":\"a\",\"img_code\":\"\\udc00\"}"), 400, 1001)
				.andExpect(jsonPath("$.errDlt").value("img_code is not valid Unicode text"));
			expect(postJson("{\"title\":\"a\\u0000\"}"), 400, 1001)
				.andExpect(jsonPath("$.errDlt").value("title must not contain U+0000"));
		}

		@Test
		void aNumberForTextIsAWrongType() throws Exception {
			expect(postJson("{\"title\":123}"), 400, 1001)
				.andExpect(jsonPath("$.errDlt").value("title has a wrong type"));
		}

		@Test
		void aMissingBodyIsArgsError() throws Exception {
			expect(ApiExceptionHandlerTests.this.mvc.perform(post("/sample").contentType(MediaType.APPLICATION_JSON)),
					400, 1001);
		}

		@Test
		void aWrongQueryTypeAndAMissingParameterNameTheParameter() throws Exception {
			expect(ApiExceptionHandlerTests.this.mvc.perform(get("/sample").param("n", "x")), 400, 1001)
				.andExpect(jsonPath("$.errDlt").value("n has a wrong type"));
			expect(ApiExceptionHandlerTests.this.mvc.perform(get("/sample")), 400, 1001)
				.andExpect(jsonPath("$.errDlt").value("n is required"));
		}

	}

	@Nested
	class HttpLevel {

		@Test
		void unknownRouteIs1004() throws Exception {
			expect(ApiExceptionHandlerTests.this.mvc.perform(get("/nothing-here")), 404, 1004);
		}

		@Test
		void wrongMethodIs405WithArgsError() throws Exception {
			expect(ApiExceptionHandlerTests.this.mvc.perform(put("/sample")), 405, 1001);
		}

		@Test
		void unsupportedMediaTypeIs415WithArgsError() throws Exception {
			expect(ApiExceptionHandlerTests.this.mvc
				.perform(post("/sample").contentType(MediaType.TEXT_PLAIN).content("title=a")), 415, 1001);
		}

	}

	@Nested
	class Multipart {

		@Test
		void aRequestThatIsNotMultipartIs415NamingThePart() throws Exception {
			expect(postJson("/upload", "{\"file\":\"x\"}"), 415, 1001)
				.andExpect(jsonPath("$.errDlt").value("file must be sent as multipart/form-data"));
		}

		@Test
		void anUploadOverTheLimitStays413() throws Exception {
			expect(ApiExceptionHandlerTests.this.mvc.perform(get("/sample").param("n", "413")), 413, 1001)
				.andExpect(jsonPath("$.errDlt").value("request body is too large"));
		}

	}

	@Nested
	class Failures {

		@Test
		void apiExceptionKeepsItsCodeAndStatus() throws Exception {
			expect(ApiExceptionHandlerTests.this.mvc.perform(get("/sample").param("n", "404")), 404, 1004)
				.andExpect(jsonPath("$.errDlt").value("no such sample"));
		}

		@Test
		void uniqueKeyViolationIs1003WithoutSql() throws Exception {
			expect(ApiExceptionHandlerTests.this.mvc.perform(get("/sample").param("n", "409")), 409, 1003)
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("INSERT"))));
		}

		@Test
		void anUnexpectedFailureIsGeneric500() throws Exception {
			expect(ApiExceptionHandlerTests.this.mvc.perform(get("/sample").param("n", "500")), 500, 500)
				.andExpect(jsonPath("$.errDlt").value("server internal error"))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
		}

		@Test
		void aRefusedConnectionIsServiceUnavailable() throws Exception {
			expect(ApiExceptionHandlerTests.this.mvc.perform(get("/sample").param("n", "503")), 503, 1006);
		}

	}

	@Test
	void successHasTheEnvelopeWithData() throws Exception {
		this.mvc.perform(get("/sample").param("n", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errCode").value(0))
			.andExpect(jsonPath("$.errMsg").value(""))
			.andExpect(jsonPath("$.errDlt").value(""))
			.andExpect(jsonPath("$.data.n").value(1));
	}

	private ResultActions postJson(String body) throws Exception {
		return postJson("/sample", body);
	}

	private ResultActions postJson(String path, String body) throws Exception {
		return this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static ResultActions expect(ResultActions actions, int status, int code) throws Exception {
		return actions.andExpect(status().is(status))
			.andExpect(jsonPath("$.errCode").value(code))
			.andExpect(jsonPath("$.errMsg").value(ErrorCode.fromCode(code).errMsg()))
			.andExpect(jsonPath("$.data").doesNotExist());
	}

	record SampleRequest(@NotBlank @Size(max = 10) String title, @Max(5) Integer count,
			@JsonProperty("img_code") @Size(max = 4) String imgCode) {
	}

	record Sample(int n) {
	}

	@RestController
	static class SampleController {

		@PostMapping("/sample")
		ApiResponse<Sample> create(@Valid @RequestBody SampleRequest request) {
			return ApiResponse.ok(new Sample(1));
		}

		@PostMapping("/upload")
		ApiResponse<Sample> upload(@RequestPart("file") MultipartFile file) {
			return ApiResponse.ok(new Sample(1));
		}

		@GetMapping("/sample")
		ApiResponse<Sample> read(@RequestParam int n) throws Exception {
			switch (n) {
				case 404 -> throw ApiException.notFound("no such sample");
				case 409 -> throw new DataIntegrityViolationException("INSERT INTO t ...",
						new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062));
				case 500 -> throw new IllegalStateException("secret internals");
				case 503 -> throw new RuntimeException(new java.net.ConnectException("refused"));
				case 413 -> throw new MaxUploadSizeExceededException(1);
				default -> {
					return ApiResponse.ok(new Sample(n));
				}
			}
		}

	}

}
