package com.contentsuite.gateway;

import com.contentsuite.gateway.auth.AuthGatewayFilterFactory;
import com.contentsuite.gateway.auth.AuthMode;
import com.contentsuite.gateway.operation.OperationIdGatewayFilterFactory;
import com.contentsuite.gateway.ratelimit.RateLimitGatewayFilterFactory;
import com.contentsuite.gateway.routing.RouteMatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route table as shipped in application.yml, against docs/api.md sections 1 to 5: the
 * route each request takes and the policy that route declares. (The test context lowers
 * check_mobile's limit to 3 through its environment variable; RateLimitTests counts it.)
 */
class RouteTableTests extends GatewayTestBase {

	@Autowired
	RouteLocator routes;

	private Route routeOf(String method, String path) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.method(HttpMethod.valueOf(method), path));
		return RouteMatch.first(this.routes, exchange).block();
	}

	@ParameterizedTest(name = "{0} {1} is {2}")
	@CsvSource({ "GET, /passport/image_code, NONE", "POST, /passport/check_mobile, NONE",
			"POST, /passport/register, NONE", "POST, /passport/login, NONE", "POST, /passport/refresh, NONE",
			"GET, /passport/jwks, NONE", "POST, /passport/logout, REQUIRED", "PUT, /passport/password, REQUIRED",
			"PUT, /passport/username, REQUIRED", "GET, /users/me, REQUIRED", "PUT, /users/me, REQUIRED",
			"GET, /users/42, OPTIONAL", "POST, /users/avatar, REQUIRED", "GET, /users/auth, REQUIRED",
			"POST, /users/auth, REQUIRED", "POST, /users/followings, REQUIRED",
			"DELETE, /users/followings/42, REQUIRED", "GET, /users/followings, OPTIONAL",
			"GET, /users/followers, OPTIONAL", "POST, /users/blacklist, REQUIRED", "GET, /users/blacklist, REQUIRED",
			"DELETE, /users/blacklist/42, REQUIRED", "GET, /users/notifications, REQUIRED",
			"GET, /users/notifications/unread, REQUIRED", "POST, /users/notifications/read, REQUIRED",
			"GET, /files/avatars/7/ab.png, NONE", "POST, /articles, REQUIRED", "GET, /articles/42, OPTIONAL",
			"PUT, /articles/42, REQUIRED", "DELETE, /articles/42, REQUIRED", "GET, /articles/new, OPTIONAL",
			"GET, /articles/hot, OPTIONAL", "GET, /articles/mine, REQUIRED", "GET, /articles/likes, REQUIRED",
			"GET, /articles/collections, REQUIRED", "GET, /articles/users/42, OPTIONAL",
			"PUT, /articles/42/likes, REQUIRED", "PUT, /articles/42/collections, REQUIRED",
			"PUT, /articles/42/hits, OPTIONAL", "POST, /articles/42/comments, REQUIRED",
			"GET, /articles/42/comments, OPTIONAL", "DELETE, /articles/42/comments/9, REQUIRED",
			"POST, /chatx/moments/publish, REQUIRED", "POST, /chatx/moments/images, REQUIRED",
			"POST, /chatx/moments/delete, REQUIRED", "POST, /chatx/moments/get, REQUIRED",
			"POST, /chatx/moments/feed, REQUIRED", "POST, /chatx/moments/user, REQUIRED",
			"POST, /chatx/moments/like, REQUIRED", "POST, /chatx/moments/likes, REQUIRED",
			"POST, /chatx/moments/comment/add, REQUIRED", "POST, /chatx/moments/comment/del, REQUIRED",
			"GET, /chatx/moments/feed, REQUIRED", "GET, /files/moments/7/ab.jpg, NONE",
			// What docs/api.md does not name falls to its prefix's catch-all, which
			// needs a token.
			"PUT, /users/42, REQUIRED", "DELETE, /users/42, REQUIRED", "GET, /passport/login, REQUIRED",
			"GET, /users/me/extra, REQUIRED", "GET, /articles, REQUIRED", "POST, /articles/new, REQUIRED",
			"PUT, /articles/hot, REQUIRED", "DELETE, /articles/42/hits, REQUIRED", "GET, /articles/42/likes, REQUIRED",
			"GET, /articles/42/comments/9, REQUIRED", "GET, /articles/users/42/extra, REQUIRED",
			"POST, /articles/users/42, REQUIRED" })
	void givesEachRouteItsAuthMode(String method, String path, AuthMode mode) {
		Route route = routeOf(method, path);

		assertThat(route).as("%s %s is routed", method, path).isNotNull();
		assertThat(AuthGatewayFilterFactory.modeOf(route)).as(route.getId()).isEqualTo(mode);
	}

	@ParameterizedTest(name = "{0} {1} goes to {2}")
	@CsvSource({ "GET, /passport/image_code, passport-service", "GET, /users/42, user-service",
			"GET, /users/notifications, user-service", "GET, /files/avatars/7/ab.png, user-service",
			"GET, /files/moments/7/ab.jpg, moments-service", "GET, /articles/42, article-service",
			"POST, /chatx/moments/feed, moments-service" })
	void sendsEachPrefixToItsService(String method, String path, String service) {
		assertThat(routeOf(method, path).getUri().toString()).isEqualTo("lb://" + service);
	}

	@ParameterizedTest(name = "{0} {1} is not routed")
	@CsvSource({ "GET, /internal/users/brief", "GET, /actuator/env", "POST, /files/avatars/7/ab.png", "GET, /nowhere" })
	void routesNothingElse(String method, String path) {
		assertThat(routeOf(method, path)).isNull();
	}

	@ParameterizedTest(name = "{0} {1} may omit operationID: {2}")
	@CsvSource({ "GET, /passport/image_code, true", "POST, /passport/image_code, false",
			"GET, /files/avatars/7/ab.png, true", "GET, /files/moments/7/ab.jpg, true", "GET, /users/42, false",
			"POST, /passport/login, false" })
	void letsOnlyImagesOmitTheOperationId(String method, String path, boolean mayOmit) {
		assertThat(OperationIdGatewayFilterFactory.mayOmit(routeOf(method, path))).isEqualTo(mayOmit);
	}

	// The limits README.md documents: per minute and client IP.
	@ParameterizedTest(name = "{0} {1} is limited to {2}")
	@CsvSource(delimiter = '|', value = { "GET | /passport/image_code | captcha,30,PT1M",
			"POST | /passport/check_mobile | check-mobile,3,PT1M", "POST | /passport/register | register,10,PT1M",
			"POST | /passport/login | login,20,PT1M", "POST | /passport/refresh | ", "GET | /users/42 | " })
	void limitsTheAnonymousPassportRoutes(String method, String path, String limit) {
		assertThat(RateLimitGatewayFilterFactory.limitOf(routeOf(method, path))).isEqualTo(limit);
	}

}
