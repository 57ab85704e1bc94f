package com.contentsuite.article.author;

import java.util.List;

import com.contentsuite.common.web.ApiResponse;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * user-service's batch endpoints, the only calls this service makes to it; common signs
 * them and decodes envelope errors.
 */
@FeignClient(name = "user-service", contextId = "articleUsers")
interface UserServiceClient {

	@PostMapping(path = "/internal/users/batch", consumes = "application/json")
	ApiResponse<BriefList> batch(@RequestBody IdsBody body);

	@PostMapping(path = "/internal/users/blacklist/check", consumes = "application/json")
	ApiResponse<Blocked> blacklisted(@RequestBody PairsBody body);

	record IdsBody(List<String> userIDs) {
	}

	record BriefList(List<BriefUser> list) {
	}

	record Pair(String owner, String target) {
	}

	record PairsBody(List<Pair> pairs) {
	}

	record Blocked(List<Pair> blocked) {
	}

}
