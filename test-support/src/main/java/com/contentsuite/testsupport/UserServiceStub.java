package com.contentsuite.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * user-service's internal endpoints over real HTTP, for the services that call it:
 * {@code /internal/users/batch} answers brief users for the IDs a test {@link #name
 * named}, {@code /internal/users/blacklist/check} the pairs a test {@link #blacklist
 * blacklisted}, {@code /internal/users/followings/ids} and
 * {@code /internal/users/relations} the follows a test {@link #follow made}. Counts its
 * calls, and can be {@link #down() taken down} (every call answers 503).
 */
public final class UserServiceStub {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Map<Long, String> names = new ConcurrentHashMap<>();

	private final Set<String> blacklisted = ConcurrentHashMap.newKeySet();

	private final Set<String> follows = ConcurrentHashMap.newKeySet();

	private final AtomicInteger batchCalls = new AtomicInteger();

	private final AtomicInteger relationCalls = new AtomicInteger();

	private final AtomicInteger blacklistCalls = new AtomicInteger();

	private final List<JsonNode> notifications = new java.util.concurrent.CopyOnWriteArrayList<>();

	private volatile boolean down;

	public UserServiceStub() {
		// The JDK server otherwise waits for Nagle's delayed ACK: about 40 ms a call.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/internal/users/batch", (exchange) -> handle(exchange, this::batch));
		this.server.createContext("/internal/users/blacklist/check", (exchange) -> handle(exchange, this::check));
		this.server.createContext("/internal/users/followings/ids", (exchange) -> handle(exchange, this::followings));
		this.server.createContext("/internal/users/relations", (exchange) -> handle(exchange, this::relations));
		this.server.createContext("/internal/users/notifications", (exchange) -> handle(exchange, this::notifications));
		this.server.start();
	}

	public String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** user-service knows {@code userId} as username {@code u<id>} and this nickname. */
	public void name(long userId, String nickname) {
		this.names.put(userId, nickname);
	}

	public void blacklist(long owner, long target) {
		this.blacklisted.add(owner + ">" + target);
	}

	public void unblacklist(long owner, long target) {
		this.blacklisted.remove(owner + ">" + target);
	}

	/** {@code follower} follows {@code target}. */
	public void follow(long follower, long target) {
		this.follows.add(follower + ">" + target);
	}

	public void unfollow(long follower, long target) {
		this.follows.remove(follower + ">" + target);
	}

	public void down() {
		this.down = true;
	}

	public void up() {
		this.down = false;
	}

	public int batchCalls() {
		return this.batchCalls.get();
	}

	public int blacklistCalls() {
		return this.blacklistCalls.get();
	}

	/**
	 * Calls of {@code /internal/users/followings/ids} and
	 * {@code /internal/users/relations}.
	 */
	public int relationCalls() {
		return this.relationCalls.get();
	}

	/**
	 * Every notification event delivered to {@code /internal/users/notifications}, in
	 * arrival order (a retried delivery is listed again, as user-service would see it).
	 */
	public List<JsonNode> notifications() {
		return List.copyOf(this.notifications);
	}

	public void stop() {
		this.server.stop(0);
	}

	private String batch(JsonNode body) {
		this.batchCalls.incrementAndGet();
		List<Map<String, String>> list = new ArrayList<>();
		for (JsonNode id : body.get("userIDs")) {
			long userId = Long.parseLong(id.asString());
			String nickname = this.names.get(userId);
			if (nickname != null) {
				list.add(Map.of("userID", Long.toString(userId), "username", "u" + userId, "nickname", nickname,
						"avatarUrl", "http://files.example/avatars/" + userId + ".png"));
			}
		}
		return JSON.writeValueAsString(Map.of("errCode", 0, "errMsg", "", "errDlt", "", "data", Map.of("list", list)));
	}

	private String check(JsonNode body) {
		this.blacklistCalls.incrementAndGet();
		List<Map<String, String>> blocked = new ArrayList<>();
		for (JsonNode pair : body.get("pairs")) {
			String owner = pair.get("owner").asString();
			String target = pair.get("target").asString();
			if (this.blacklisted.contains(owner + ">" + target)) {
				blocked.add(Map.of("owner", owner, "target", target));
			}
		}
		return JSON
			.writeValueAsString(Map.of("errCode", 0, "errMsg", "", "errDlt", "", "data", Map.of("blocked", blocked)));
	}

	private String followings(JsonNode body) {
		this.relationCalls.incrementAndGet();
		String prefix = body.get("userID").asString() + ">";
		List<String> ids = this.follows.stream()
			.filter((pair) -> pair.startsWith(prefix))
			.map((pair) -> pair.substring(prefix.length()))
			.toList();
		return envelope(Map.of("userIDs", ids));
	}

	private String relations(JsonNode body) {
		this.relationCalls.incrementAndGet();
		String viewer = body.get("viewer").asString();
		List<String> following = new ArrayList<>();
		List<String> blockedBy = new ArrayList<>();
		for (JsonNode node : body.get("owners")) {
			String owner = node.asString();
			if (this.follows.contains(viewer + ">" + owner)) {
				following.add(owner);
			}
			if (this.blacklisted.contains(owner + ">" + viewer)) {
				blockedBy.add(owner);
			}
		}
		return envelope(Map.of("following", following, "blockedBy", blockedBy));
	}

	private String notifications(JsonNode body) {
		int stored = 0;
		for (JsonNode event : body.get("events")) {
			this.notifications.add(event);
			stored++;
		}
		return envelope(Map.of("stored", stored));
	}

	private static String envelope(Object data) {
		return JSON.writeValueAsString(Map.of("errCode", 0, "errMsg", "", "errDlt", "", "data", data));
	}

	private void handle(HttpExchange exchange, java.util.function.Function<JsonNode, String> answer)
			throws IOException {
		byte[] json;
		int status;
		try (InputStream in = exchange.getRequestBody()) {
			JsonNode body = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			if (this.down) {
				status = 503;
				json = "{\"errCode\":1006,\"errMsg\":\"ServiceUnavailableError\",\"errDlt\":\"down\"}"
					.getBytes(StandardCharsets.UTF_8);
			}
			else {
				status = 200;
				json = answer.apply(body).getBytes(StandardCharsets.UTF_8);
			}
		}
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, json.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(json);
		}
	}

}
