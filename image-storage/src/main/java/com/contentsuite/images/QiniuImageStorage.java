package com.contentsuite.images;

import java.net.URI;

import com.contentsuite.common.web.ApiException;
import com.qiniu.common.QiniuException;
import com.qiniu.http.Response;
import com.qiniu.storage.Configuration;
import com.qiniu.storage.Region;
import com.qiniu.storage.UploadManager;
import com.qiniu.util.Auth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Qiniu object storage through qiniu-java-sdk: a form upload with an upload token for the
 * bucket and key, made from the access and secret key. The URL is the configured domain
 * plus the key.
 */
class QiniuImageStorage implements ImageStorage {

	private static final Logger log = LoggerFactory.getLogger(QiniuImageStorage.class);

	private static final long TOKEN_SECONDS = 300;

	private final Auth auth;

	private final String bucket;

	private final String domain;

	private final UploadManager uploads;

	/**
	 * {@code prefix} is the service's property prefix, named when a setting is missing.
	 */
	QiniuImageStorage(ImageStorageProperties.Qiniu properties, String prefix) {
		require(properties.getAccessKey(), prefix, "qiniu.access-key (QINIU_ACCESS_KEY)");
		require(properties.getSecretKey(), prefix, "qiniu.secret-key (QINIU_SECRET_KEY)");
		require(properties.getBucket(), prefix, "qiniu.bucket");
		require(properties.getDomain(), prefix, "qiniu.domain");
		this.auth = Auth.create(properties.getAccessKey(), properties.getSecretKey());
		this.bucket = properties.getBucket();
		String domain = properties.getDomain();
		this.domain = domain.endsWith("/") ? domain : domain + "/";
		this.uploads = new UploadManager(configuration(properties.getUploadHost()));
	}

	private static Configuration configuration(String uploadHost) {
		Configuration configuration;
		if (uploadHost == null || uploadHost.isBlank()) {
			configuration = new Configuration();
		}
		else {
			URI uri = URI.create(uploadHost);
			String host = (uri.getPort() != -1) ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
			Region region = new Region.Builder().srcUpHost(host).accUpHost(host).build();
			configuration = new Configuration(region);
			configuration.useHttpsDomains = !"http".equalsIgnoreCase(uri.getScheme());
			configuration.useDefaultUpHostIfNone = false;
		}
		// An image upload is one small form POST made while the user waits.
		configuration.connectTimeout = 3;
		configuration.writeTimeout = 10;
		configuration.readTimeout = 10;
		configuration.retryMax = 1;
		return configuration;
	}

	@Override
	public String store(String key, byte[] bytes, String contentType) {
		String token = this.auth.uploadToken(this.bucket, key, TOKEN_SECONDS, null);
		try {
			Response response = this.uploads.put(bytes, key, token, null, contentType, false);
			if (!response.isOK()) {
				throw unavailable(key, "status " + response.statusCode);
			}
		}
		catch (QiniuException ex) {
			throw unavailable(key, (ex.response != null) ? "status " + ex.code() : ex.toString());
		}
		return this.domain + key;
	}

	private static ApiException unavailable(String key, String reason) {
		log.warn("Qiniu upload of {} failed: {}", key, reason);
		return ApiException.unavailable("image storage is unavailable");
	}

	private static void require(String value, String prefix, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(prefix + ".type=qiniu needs " + prefix + "." + name);
		}
	}

}
