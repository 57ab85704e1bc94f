package com.contentsuite.e2e.journey;

/**
 * A registered user with a profile and a fresh access token, for journeys that need
 * someone to act as.
 */
record SignedInUser(String id, String name, String token) {

	static SignedInUser register(RunningSuite running) throws Exception {
		String name = RunningSuite.newUsername();
		String id = running.register(name);
		String token = running.login(name).text("accessToken");
		running.awaitProfile(token);
		return new SignedInUser(id, name, token);
	}

}
