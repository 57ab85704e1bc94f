package com.contentsuite.user.avatar;

import com.contentsuite.testsupport.ServiceApi.Reply;

/**
 * test-support's multipart uploads aimed at {@code POST /users/avatar}, with the call the
 * avatar tests were written against (they predate the shared helper, which moments'
 * picture tests use too).
 */
class Uploads extends com.contentsuite.testsupport.Uploads {

	Uploads(int port, String secret) {
		super(port, secret, "/users/avatar");
	}

	Reply avatar(Long userId, String part, String fileName, String contentType, byte[] bytes) {
		return upload(userId, part, fileName, contentType, bytes);
	}

}
