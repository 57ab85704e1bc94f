package com.contentsuite.gateway.forward;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientIpResolverTests {

	private static InetAddress ip(String literal) throws UnknownHostException {
		return InetAddress.getByName(literal);
	}

	@Nested
	class WithoutTrustedProxies {

		private final ClientIpResolver resolver = new ClientIpResolver(new ClientIpProperties(List.of()));

		@Test
		void thePeerIsTheClientWhateverItClaims() throws Exception {
			assertThat(this.resolver.resolve(ip("203.0.113.9"), List.of("1.2.3.4"))).isEqualTo("203.0.113.9");
		}

	}

	@Nested
	class BehindTrustedProxies {

		private final ClientIpResolver resolver = new ClientIpResolver(
				new ClientIpProperties(List.of("10.0.0.0/8", "192.168.1.5")));

		@Test
		void theRightMostUntrustedHopIsTheClient() throws Exception {
			assertThat(this.resolver.resolve(ip("10.1.2.3"), List.of("6.6.6.6, 198.51.100.7", "10.9.9.9")))
				.isEqualTo("198.51.100.7");
		}

		@Test
		void aPeerThatIsNotAProxyIsNotBelieved() throws Exception {
			assertThat(this.resolver.resolve(ip("198.51.100.7"), List.of("6.6.6.6"))).isEqualTo("198.51.100.7");
		}

		@Test
		void aHopThatIsNoAddressEndsTheWalk() throws Exception {
			assertThat(this.resolver.resolve(ip("192.168.1.5"), List.of("6.6.6.6, evil.example.com")))
				.isEqualTo("192.168.1.5");
		}

		@Test
		void onlyProxiesMeansTheLeftMostHop() throws Exception {
			assertThat(this.resolver.resolve(ip("10.0.0.1"), List.of("10.0.0.3, 10.0.0.2"))).isEqualTo("10.0.0.3");
		}

	}

	@Test
	void aBadProxyEntryIsRefusedAtStartUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientIpResolver(new ClientIpProperties(List.of("10.0.0.0/40"))));
	}

}
