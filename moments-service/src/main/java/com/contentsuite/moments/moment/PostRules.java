package com.contentsuite.moments.moment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import com.contentsuite.common.web.ApiException;

/**
 * The limits of docs/api.md section 5, lengths in characters as a reader counts them
 * (code points, not UTF-16 units).
 */
public final class PostRules {

	public static final int MAX_CONTENT = 2000;

	static final int MAX_IMAGES = 9;

	static final int MAX_URL = 512;

	private PostRules() {
	}

	/** Text of a post or a comment: 1-2000 characters, not only blanks. */
	public static String content(String content) {
		if (content == null || content.isBlank() || content.codePointCount(0, content.length()) > MAX_CONTENT) {
			throw ApiException.args("content must be 1-" + MAX_CONTENT + " characters");
		}
		return content;
	}

	static List<String> images(List<String> images) {
		if (images == null) {
			return List.of();
		}
		if (images.size() > MAX_IMAGES) {
			throw ApiException.args("images must hold at most " + MAX_IMAGES + " URLs");
		}
		for (int i = 0; i < images.size(); i++) {
			if (!isWebUrl(images.get(i))) {
				throw ApiException
					.args("images[" + i + "] must be an http or https URL of at most " + MAX_URL + " characters");
			}
		}
		return List.copyOf(images);
	}

	static Visibility visibility(Integer code) {
		if (code == null) {
			return Visibility.EVERYONE;
		}
		if (code < 0 || code > 2) {
			throw ApiException.args("visibility must be 0, 1 or 2");
		}
		return Visibility.of(code);
	}

	/**
	 * An absolute http(s) URL with a host, parsed as RFC 3986 says (so no spaces or
	 * control characters), which a client can put in an {@code img} tag as it is:
	 * {@code javascript:}, {@code data:} and relative references are refused.
	 */
	private static boolean isWebUrl(String url) {
		if (url == null || url.isEmpty() || url.length() > MAX_URL) {
			return false;
		}
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& !uri.getHost().isEmpty();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
