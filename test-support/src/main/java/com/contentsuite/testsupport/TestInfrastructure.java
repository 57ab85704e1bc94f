package com.contentsuite.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.mysql.MySQLContainer;

/**
 * Where integration tests find a MySQL-compatible server and Redis: Testcontainers (MySQL
 * 8.4, Redis 7) when a Docker engine answers and no {@code TEST_MYSQL_URL} is set,
 * otherwise the servers on 127.0.0.1 ({@code TEST_MYSQL_URL}, {@code TEST_MYSQL_USER},
 * {@code TEST_MYSQL_PASSWORD}, {@code TEST_REDIS_URL}). Neither available is a failure
 * that says what to start, never a skip.
 */
public final class TestInfrastructure {

	private static volatile TestInfrastructure instance;

	private final String mysqlBaseUrl;

	private final String mysqlUser;

	private final String mysqlPassword;

	private final String redisUrl;

	private TestInfrastructure(String mysqlBaseUrl, String mysqlUser, String mysqlPassword, String redisUrl) {
		this.mysqlBaseUrl = mysqlBaseUrl.endsWith("/") ? mysqlBaseUrl : mysqlBaseUrl + "/";
		this.mysqlUser = mysqlUser;
		this.mysqlPassword = mysqlPassword;
		this.redisUrl = redisUrl;
	}

	public static TestInfrastructure get() {
		if (instance == null) {
			synchronized (TestInfrastructure.class) {
				if (instance == null) {
					instance = locate();
				}
			}
		}
		return instance;
	}

	private static TestInfrastructure locate() {
		String url = System.getenv("TEST_MYSQL_URL");
		if (url == null && !"false".equalsIgnoreCase(System.getenv("TEST_USE_TESTCONTAINERS")) && dockerAvailable()) {
			return fromContainers();
		}
		TestInfrastructure local = new TestInfrastructure((url != null) ? url : "jdbc:mysql://127.0.0.1:3306/",
				env("TEST_MYSQL_USER", "root"), env("TEST_MYSQL_PASSWORD", ""),
				env("TEST_REDIS_URL", "redis://127.0.0.1:6379"));
		local.checkReachable();
		return local;
	}

	@SuppressWarnings("resource")
	private static TestInfrastructure fromContainers() {
		MySQLContainer mysql = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test");
		mysql.start();
		GenericContainer<?> redis = new GenericContainer<>("redis:7").withExposedPorts(6379);
		redis.start();
		String base = "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/";
		return new TestInfrastructure(base, "root", "test",
				"redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private void checkReachable() {
		try (Connection connection = DriverManager.getConnection(this.mysqlBaseUrl + parameters(), this.mysqlUser,
				this.mysqlPassword)) {
			connection.isValid(2);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("No MySQL-compatible server at " + this.mysqlBaseUrl
					+ " and no Docker engine for Testcontainers. Start one (MariaDB: 'start-stop-daemon --start"
					+ " --oknodo --background --exec /usr/sbin/mariadbd') or set TEST_MYSQL_URL/TEST_MYSQL_USER/"
					+ "TEST_MYSQL_PASSWORD", ex);
		}
		if (!redisAnswersPing()) {
			throw new IllegalStateException("No Redis at " + this.redisUrl + " and no Docker engine for"
					+ " Testcontainers. Start one ('redis-server --daemonize yes --port 6379') or set TEST_REDIS_URL");
		}
	}

	private boolean redisAnswersPing() {
		URI uri = URI.create(this.redisUrl);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 6379), 2000);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] answer = in.readNBytes(5);
			return new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Creates an empty database with a fresh name and answers its name. */
	public String createDatabase(String prefix) {
		String name = prefix + "_" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 10);
		execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		return name;
	}

	public void dropDatabase(String name) {
		execute("DROP DATABASE IF EXISTS `" + name + "`");
	}

	private void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(this.mysqlBaseUrl + parameters(), this.mysqlUser,
				this.mysqlPassword); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + this.mysqlBaseUrl, ex);
		}
	}

	public String jdbcUrl(String database) {
		return this.mysqlBaseUrl + database + parameters();
	}

	private static String parameters() {
		return "?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
	}

	public String mysqlUser() {
		return this.mysqlUser;
	}

	public String mysqlPassword() {
		return this.mysqlPassword;
	}

	public String redisUrl() {
		return this.redisUrl;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isEmpty()) ? value : fallback;
	}

}
