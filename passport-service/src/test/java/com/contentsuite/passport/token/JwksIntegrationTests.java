package com.contentsuite.passport.token;

import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

import com.contentsuite.passport.PassportClient.Answer;
import com.contentsuite.passport.PassportIntegrationTest;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class JwksIntegrationTests extends PassportIntegrationTest {

	@Test
	void isAPlainJwkSetWhoseKeyVerifiesIssuedTokens() throws Exception {
		Answer answer = client.send("GET", "/passport/jwks", null, null, Map.of());
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().has("errCode")).isFalse();
		JsonNode keys = answer.body().get("keys");
		assertThat(keys.size()).isEqualTo(1);
		JsonNode jwk = keys.get(0);
		assertThat(jwk.get("kty").asString()).isEqualTo("RSA");
		assertThat(jwk.get("use").asString()).isEqualTo("sig");
		assertThat(jwk.get("alg").asString()).isEqualTo("RS256");
		assertThat(jwk.has("d")).as("never the private exponent").isFalse();

		String username = newUsername();
		register(username);
		String access = loginOk(username, PASSWORD).access();
		String header = new String(Base64.getUrlDecoder().decode(access.split("\\.")[0]));
		assertThat(header).contains("\"kid\":\"" + jwk.get("kid").asString() + "\"").contains("RS256");

		PublicKey key = KeyFactory.getInstance("RSA")
			.generatePublic(new RSAPublicKeySpec(unsigned(jwk.get("n").asString()), unsigned(jwk.get("e").asString())));
		String subject = Jwts.parser().verifyWith(key).build().parseSignedClaims(access).getPayload().getSubject();
		assertThat(subject).matches("\\d+");
	}

	@Test
	void anUnsignedRequestIsRefusedWith1002() {
		Answer answer = client
			.send(HttpRequest.newBuilder(client.uri("/passport/jwks")).header("operationID", "unsigned-1").GET());
		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.errCode()).isEqualTo(1002);
	}

	@Test
	void aForgedUserHeaderBreaksTheSignature() {
		HttpRequest.Builder request = client.request("PUT", "/passport/username", Map.of("username", newUsername()),
				null, Map.of("X-User-ID", "1"));
		Answer answer = client.send(request);
		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.errCode()).isEqualTo(1002);
	}

	private static BigInteger unsigned(String base64Url) {
		return new BigInteger(1, Base64.getUrlDecoder().decode(base64Url));
	}

}
