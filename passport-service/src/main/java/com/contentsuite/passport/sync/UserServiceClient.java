package com.contentsuite.passport.sync;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** user-service's account mirror; common signs the call and decodes envelope errors. */
@FeignClient(name = "user-service", contextId = "userServiceSync")
interface UserServiceClient {

	@PostMapping(path = "/internal/users/sync", consumes = "application/json")
	void sync(@RequestBody AccountSyncBody body);

}
