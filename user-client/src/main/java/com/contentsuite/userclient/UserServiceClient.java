package com.contentsuite.userclient;

import java.util.List;

import com.contentsuite.common.web.ApiResponse;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * user-service's internal endpoints the siblings call; common signs them, gives them the
 * request's deadline and decodes envelope errors. Package-private: services call
 * {@link BriefUsers} and {@link Relations}, which decide what a failure means.
 */
@FeignClient(name = "user-service", contextId = "userClient")
interface UserServiceClient {

	@PostMapping(path = "/internal/users/batch", consumes = "application/json")
	ApiResponse<BriefList> batch(@RequestBody IdsBody body);

	@PostMapping(path = "/internal/users/followings/ids", consumes = "application/json")
	ApiResponse<UserIds> followingIds(@RequestBody UserBody body);

	@PostMapping(path = "/internal/users/blacklist/check", consumes = "application/json")
	ApiResponse<Blocked> blacklisted(@RequestBody PairsBody body);

	@PostMapping(path = "/internal/users/relations", consumes = "application/json")
	ApiResponse<RelationsAnswer> relations(@RequestBody RelationsBody body);

	@PostMapping(path = "/internal/users/notifications", consumes = "application/json")
	ApiResponse<Stored> notifications(@RequestBody NotificationsBody body);

	record NotificationsBody(List<NotificationEvent> events) {
	}

	record Stored(int stored) {
	}

	record IdsBody(List<String> userIDs) {
	}

	record BriefList(List<BriefUser> list) {
	}

	record UserBody(String userID) {
	}

	record UserIds(List<String> userIDs) {
	}

	record Pair(String owner, String target) {
	}

	record PairsBody(List<Pair> pairs) {
	}

	record Blocked(List<Pair> blocked) {
	}

	record RelationsBody(String viewer, List<String> owners) {
	}

	record RelationsAnswer(List<String> following, List<String> blockedBy) {
	}

}
