package com.contentsuite.user.relation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.contentsuite.common.json.IdDeserializer;
import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.Ids;
import com.contentsuite.user.relation.RelationRepository.Pair;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Relations for sibling services (common's internal-auth filter refuses the gateway on
 * {@code /internal/**}): whom a user follows (the moments feed), which pairs are
 * blacklisted (moments of a user who blacklisted the viewer), and both for one viewer and
 * a page of owners at once.
 */
@RestController
class InternalRelationController {

	static final int MAX_PAIRS = 100;

	static final int MAX_OWNERS = 100;

	private final RelationRepository relations;

	InternalRelationController(RelationRepository relations) {
		this.relations = relations;
	}

	@PostMapping("/internal/users/followings/ids")
	ApiResponse<FollowingIds> followingIds(@RequestBody UserRequest request) {
		long userId = Ids.parse(request.userID(), "userID");
		return ApiResponse
			.ok(new FollowingIds(this.relations.followingIds(userId).stream().map(String::valueOf).toList()));
	}

	@PostMapping("/internal/users/blacklist/check")
	ApiResponse<CheckResult> check(@Valid @RequestBody CheckRequest request) {
		Set<Pair> pairs = new LinkedHashSet<>();
		for (int i = 0; i < request.pairs().size(); i++) {
			PairBody pair = request.pairs().get(i);
			if (pair == null) {
				throw ApiException.args("pairs[" + i + "] is required");
			}
			pairs.add(new Pair(Ids.parse(pair.owner(), "pairs[" + i + "].owner"),
					Ids.parse(pair.target(), "pairs[" + i + "].target")));
		}
		Set<Pair> blocked = new LinkedHashSet<>(this.relations.blacklistedPairs(pairs));
		List<PairBody> answer = new ArrayList<>();
		for (Pair pair : pairs) {
			if (blocked.contains(pair)) {
				answer.add(new PairBody(Long.toString(pair.owner()), Long.toString(pair.target())));
			}
		}
		return ApiResponse.ok(new CheckResult(answer));
	}

	@PostMapping("/internal/users/relations")
	ApiResponse<RelationsAnswer> relations(@Valid @RequestBody RelationsRequest request) {
		long viewer = Ids.parse(request.viewer(), "viewer");
		Set<Long> owners = new LinkedHashSet<>();
		for (int i = 0; i < request.owners().size(); i++) {
			owners.add(Ids.parse(request.owners().get(i), "owners[" + i + "]"));
		}
		RelationRepository.ViewerRelations found = this.relations.viewerRelations(viewer, owners);
		return ApiResponse
			.ok(new RelationsAnswer(inOrder(owners, found.following()), inOrder(owners, found.blockedBy())));
	}

	/**
	 * The owners found, in the order asked, so that an answer is always the same text.
	 */
	private static List<String> inOrder(Set<Long> owners, Set<Long> found) {
		return owners.stream().filter(found::contains).map(String::valueOf).toList();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record UserRequest(@JsonDeserialize(using = IdDeserializer.class) String userID) {
	}

	record FollowingIds(List<String> userIDs) {
	}

	/** {@code {"pairs": [{"owner", "target"}, ...]}}: 1-100 pairs. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CheckRequest(@NotNull(message = "is required") @Size(min = 1, max = MAX_PAIRS,
			message = "must hold 1-100 pairs") List<PairBody> pairs) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PairBody(@JsonDeserialize(using = IdDeserializer.class) String owner,
			@JsonDeserialize(using = IdDeserializer.class) String target) {
	}

	/**
	 * The pairs asked where {@code owner} has blacklisted {@code target}, in the order
	 * asked.
	 */
	record CheckResult(List<PairBody> blocked) {
	}

	/** {@code {"viewer", "owners": [...]}}: 1-100 owners. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record RelationsRequest(@JsonDeserialize(using = IdDeserializer.class) String viewer,
			@NotNull(message = "is required") @Size(min = 1, max = MAX_OWNERS,
					message = "must hold 1-100 owners") @JsonDeserialize(
							contentUsing = IdDeserializer.class) List<String> owners) {
	}

	/** The owners the viewer follows, and those who blacklisted the viewer. */
	record RelationsAnswer(List<String> following, List<String> blockedBy) {
	}

}
