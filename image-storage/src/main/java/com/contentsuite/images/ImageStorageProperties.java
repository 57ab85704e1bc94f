package com.contentsuite.images;

import java.nio.file.Path;

/**
 * Which image storage a service uses, and its settings. Bound under the service's own
 * prefix: it declares the bean, for example {@code @Bean @ConfigurationProperties(
 * "user.storage") ImageStorageProperties userStorage()}, which switches the module on.
 */
public class ImageStorageProperties {

	/**
	 * First segment of every key ({@code avatars}, {@code moments}); this service's
	 * {@code /files/} serves these keys only. Required.
	 */
	private String keyPrefix;

	/** {@code local} (the default) or {@code qiniu}. */
	private String type = "local";

	private final Local local = new Local();

	private final Qiniu qiniu = new Qiniu();

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	public String getType() {
		return this.type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public Local getLocal() {
		return this.local;
	}

	public Qiniu getQiniu() {
		return this.qiniu;
	}

	public static class Local {

		/** Directory the files are written to. */
		private Path directory = Path.of("./data/files");

		/** Public URL prefix of {@code GET /files/{key}}, as clients reach it. */
		private String baseUrl = "http://localhost:10010/files/";

		public Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(Path directory) {
			this.directory = directory;
		}

		public String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
		}

	}

	public static class Qiniu {

		private String accessKey = "";

		private String secretKey = "";

		private String bucket = "";

		/** URL prefix of the bucket's domain; an image URL is this plus the key. */
		private String domain = "";

		/**
		 * Upload host URL (for example {@code https://up-z2.qiniup.com}); empty lets the
		 * SDK find the bucket's region itself.
		 */
		private String uploadHost = "";

		public String getAccessKey() {
			return this.accessKey;
		}

		public void setAccessKey(String accessKey) {
			this.accessKey = accessKey;
		}

		public String getSecretKey() {
			return this.secretKey;
		}

		public void setSecretKey(String secretKey) {
			this.secretKey = secretKey;
		}

		public String getBucket() {
			return this.bucket;
		}

		public void setBucket(String bucket) {
			this.bucket = bucket;
		}

		public String getDomain() {
			return this.domain;
		}

		public void setDomain(String domain) {
			this.domain = domain;
		}

		public String getUploadHost() {
			return this.uploadHost;
		}

		public void setUploadHost(String uploadHost) {
			this.uploadHost = uploadHost;
		}

	}

}
