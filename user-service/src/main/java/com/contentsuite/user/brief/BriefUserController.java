package com.contentsuite.user.brief;

import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.Valid;

import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.Ids;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/users/batch}: the brief users of one page of another service's
 * list. A user asked twice appears once, where first asked.
 */
@RestController
class BriefUserController {

	private final BriefUsers users;

	BriefUserController(BriefUsers users) {
		this.users = users;
	}

	@PostMapping("/internal/users/batch")
	ApiResponse<BriefList> batch(@Valid @RequestBody BatchRequest request) {
		List<String> values = request.userIDs();
		LinkedHashSet<Long> ids = new LinkedHashSet<>();
		for (int i = 0; i < values.size(); i++) {
			ids.add(Ids.parse(values.get(i), "userIDs[" + i + "]"));
		}
		return ApiResponse.ok(new BriefList(this.users.find(ids)));
	}

	record BriefList(List<BriefUser> list) {
	}

}
