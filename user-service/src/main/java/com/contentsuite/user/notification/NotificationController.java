package com.contentsuite.user.notification;

import java.util.List;

import com.contentsuite.common.identity.CurrentUser;
import com.contentsuite.common.json.IdDeserializer;
import com.contentsuite.common.paging.PageQuery;
import com.contentsuite.common.paging.PageResult;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ApiErrors;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.ErrorCode;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /users/notifications} for the signed-in user, and
 * {@code /internal/users/notifications} for the siblings' outbox relays.
 */
@RestController
class NotificationController {

	static final int MAX_EVENTS = 100;

	private final NotificationService service;

	NotificationController(NotificationService service) {
		this.service = service;
	}

	@GetMapping("/users/notifications")
	ApiResponse<PageResult<NotificationView>> list(CurrentUser user, PageQuery page) {
		return ApiResponse.ok(this.service.list(user.userId(), page));
	}

	@GetMapping("/users/notifications/unread")
	ApiResponse<Unread> unread(CurrentUser user) {
		return ApiResponse.ok(new Unread(this.service.unread(user.userId())));
	}

	/** Without a body, or without {@code notificationID}: all read. */
	@PostMapping("/users/notifications/read")
	@ApiErrors(ErrorCode.RECORD_NOT_FOUND)
	ApiResponse<Unread> read(CurrentUser user, @RequestBody(required = false) ReadRequest request) {
		String id = (request != null) ? request.notificationID() : null;
		return ApiResponse.ok(new Unread(this.service.read(user.userId(), id)));
	}

	@PostMapping("/internal/users/notifications")
	ApiResponse<Stored> store(@RequestBody EventsRequest request) {
		if (request == null || request.events() == null || request.events().isEmpty()
				|| request.events().size() > MAX_EVENTS) {
			throw ApiException.args("events must hold 1-" + MAX_EVENTS + " events");
		}
		return ApiResponse.ok(new Stored(this.service.store(request.events())));
	}

	record Unread(long unread) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ReadRequest(@JsonDeserialize(using = IdDeserializer.class) String notificationID) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record EventsRequest(List<NotificationRequest> events) {
	}

	record Stored(int stored) {
	}

}
