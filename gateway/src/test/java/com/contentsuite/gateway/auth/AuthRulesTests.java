package com.contentsuite.gateway.auth;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route table as shipped in application.yml, against API.md sections 2, 3, 4 and 5.
 */
class AuthRulesTests {

	private static AuthRules rules;

	@BeforeAll
	static void loadShippedRules() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		AuthProperties properties = new Binder(ConfigurationPropertySources.get(environment))
			.bindOrCreate("gateway.auth", AuthProperties.class);
		rules = new AuthRules(properties.rules());
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
			"DELETE, /users/blacklist/42, REQUIRED", "GET, /files/avatars/7/ab.png, NONE", "POST, /articles, REQUIRED",
			"GET, /articles/42, OPTIONAL", "PUT, /articles/42, REQUIRED", "DELETE, /articles/42, REQUIRED",
			"GET, /articles/new, OPTIONAL", "GET, /articles/hot, OPTIONAL", "GET, /articles/mine, REQUIRED",
			"GET, /articles/likes, REQUIRED", "GET, /articles/collections, REQUIRED",
			"GET, /articles/users/42, OPTIONAL", "PUT, /articles/42/likes, REQUIRED",
			"PUT, /articles/42/collections, REQUIRED", "PUT, /articles/42/hits, OPTIONAL",
			"POST, /articles/42/comments, REQUIRED", "GET, /articles/42/comments, OPTIONAL",
			"DELETE, /articles/42/comments/9, REQUIRED", "POST, /chatx/moments/publish, REQUIRED",
			"POST, /chatx/moments/images, REQUIRED", "POST, /chatx/moments/delete, REQUIRED",
			"POST, /chatx/moments/get, REQUIRED", "POST, /chatx/moments/feed, REQUIRED",
			"POST, /chatx/moments/user, REQUIRED", "POST, /chatx/moments/like, REQUIRED",
			"POST, /chatx/moments/likes, REQUIRED", "POST, /chatx/moments/comment/add, REQUIRED",
			"POST, /chatx/moments/comment/del, REQUIRED", "GET, /chatx/moments/feed, REQUIRED",
			"GET, /files/moments/7/ab.jpg, NONE",
			// Anything the table does not name needs a token.
			"PUT, /users/42, REQUIRED", "DELETE, /users/42, REQUIRED", "GET, /passport/login, REQUIRED",
			"GET, /users/me/extra, REQUIRED", "GET, /articles, REQUIRED", "POST, /articles/new, REQUIRED",
			"PUT, /articles/hot, REQUIRED", "DELETE, /articles/42/hits, REQUIRED", "GET, /articles/42/likes, REQUIRED",
			"GET, /articles/42/comments/9, REQUIRED", "GET, /articles/users/42/extra, REQUIRED",
			"POST, /articles/users/42, REQUIRED" })
	void givesEachRouteItsMode(String method, String path, AuthMode mode) {
		assertThat(rules.modeFor(MockServerHttpRequest.method(HttpMethod.valueOf(method), path).build()))
			.isEqualTo(mode);
	}

}
