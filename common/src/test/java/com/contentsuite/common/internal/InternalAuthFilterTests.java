package com.contentsuite.common.internal;

import java.time.Clock;
import java.util.List;

import com.contentsuite.common.identity.Caller;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class InternalAuthFilterTests {

	private static final String SECRET = "a-test-secret-that-is-long-enough-0123456789";

	private final InternalAuth gateway = new InternalAuth(SECRET, 60_000, "gateway", Clock.systemUTC());

	private final InternalAuthFilter filter = new InternalAuthFilter(
			new InternalAuth(SECRET, 60_000, "user-service", Clock.systemUTC()),
			List.of("/actuator/health/**", "/files/**"));

	@Test
	void refusesAnUnsignedRequestWithTheEnvelope() throws Exception {
		MockHttpServletResponse response = run(new MockHttpServletRequest("GET", "/users/me"));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString()).contains("\"errCode\":1002").contains("NoPermissionError");
	}

	@Test
	void refusesAForgedUserHeaderUnderAGatewaySignatureForAnotherUser() throws Exception {
		MockHttpServletRequest request = signed("GET", "/users/me", "7");
		request.removeHeader(InternalAuth.USER_HEADER);
		request.addHeader(InternalAuth.USER_HEADER, "8");
		assertThat(run(request).getStatus()).isEqualTo(403);
	}

	@Test
	void letsASignedRequestInWithTheVerifiedUser() throws Exception {
		MockHttpServletRequest request = signed("GET", "/users/me", "7");
		request.addHeader(InternalAuth.CLIENT_IP_HEADER, "203.0.113.9");
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(request.getAttribute(Caller.ATTRIBUTE)).isEqualTo(new Caller("gateway", 7L, "203.0.113.9"));
	}

	@Test
	void refusesAUserHeaderThatIsNoId() throws Exception {
		for (String userId : new String[] { "abc", "0", "-7", "+7", "7 ", "12345678901234567890" }) {
			MockHttpServletResponse response = run(signed("GET", "/users/me", userId));
			assertThat(response.getStatus()).as(userId).isEqualTo(403);
			assertThat(response.getContentAsString()).contains("bad identity header");
		}
	}

	@Test
	void readsTheUserHeaderAsAnId() throws Exception {
		MockHttpServletRequest request = signed("GET", "/users/me", "007");
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(((Caller) request.getAttribute(Caller.ATTRIBUTE)).userId()).isEqualTo(7L);
	}

	@Test
	void refusesTheGatewayOnInternalRoutes() throws Exception {
		assertThat(run(signed("POST", "/internal/users/batch", null)).getStatus()).isEqualTo(403);
	}

	@Test
	void letsOpenPathsThroughUnsigned() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health/readiness"),
				new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
	}

	private MockHttpServletRequest signed(String method, String path, String userId) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.addHeader("operationID", "op-1");
		if (userId != null) {
			request.addHeader(InternalAuth.USER_HEADER, userId);
		}
		request.addHeader(InternalAuth.HEADER, this.gateway.sign(method, path, userId, "op-1"));
		return request;
	}

	private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, response, chain);
		assertThat(chain.getRequest()).isNull();
		return response;
	}

}
