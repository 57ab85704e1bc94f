package com.contentsuite.userclient;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.contentsuite.common.web.ApiException;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.Ids;
import com.contentsuite.userclient.UserServiceClient.Blocked;
import com.contentsuite.userclient.UserServiceClient.Pair;
import com.contentsuite.userclient.UserServiceClient.PairsBody;
import com.contentsuite.userclient.UserServiceClient.RelationsAnswer;
import com.contentsuite.userclient.UserServiceClient.RelationsBody;
import com.contentsuite.userclient.UserServiceClient.UserBody;
import com.contentsuite.userclient.UserServiceClient.UserIds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follow and blacklist relations, for decisions a service must not guess: any refusal by
 * user-service (down, slow, its circuit open, or a 4xx such as a signature it does not
 * accept) and any answer that is not the expected shape is 1006, never user-service's own
 * code and never "no relation".
 */
public class Relations {

	/** user-service's limit of pairs or owners per call. */
	static final int BATCH_LIMIT = 100;

	private static final Logger log = LoggerFactory.getLogger(Relations.class);

	private final UserServiceClient users;

	Relations(UserServiceClient users) {
		this.users = users;
	}

	/** Everyone {@code userId} follows, newest first (the moments feed). */
	public List<Long> followingIds(long userId) {
		UserIds answer = call(() -> this.users.followingIds(new UserBody(Long.toString(userId))));
		if (answer.userIDs() == null) {
			throw unexpected();
		}
		List<Long> ids = new ArrayList<>();
		for (String id : answer.userIDs()) {
			ids.add(id(id));
		}
		return ids;
	}

	/**
	 * The owners who have blacklisted {@code viewer}; the viewer's own content needs no
	 * call.
	 */
	public Set<Long> blockedBy(long viewer, Collection<Long> owners) {
		String target = Long.toString(viewer);
		Set<Long> blocked = new HashSet<>();
		for (List<Long> chunk : chunks(others(viewer, owners))) {
			List<Pair> pairs = chunk.stream().map((owner) -> new Pair(owner.toString(), target)).toList();
			Blocked answer = call(() -> this.users.blacklisted(new PairsBody(pairs)));
			if (answer.blocked() == null) {
				throw unexpected();
			}
			for (Pair pair : answer.blocked()) {
				if (pair == null) {
					throw unexpected();
				}
				long owner = id(pair.owner());
				if (target.equals(pair.target()) && chunk.contains(owner)) {
					blocked.add(owner);
				}
			}
		}
		return blocked;
	}

	/**
	 * Which owners {@code viewer} follows and which blacklisted {@code viewer}, in one
	 * {@code POST /internal/users/relations} per 100 owners.
	 */
	public ViewerRelations of(long viewer, Collection<Long> owners) {
		List<Long> asked = others(viewer, owners);
		if (asked.isEmpty()) {
			return ViewerRelations.none();
		}
		Set<Long> following = new HashSet<>();
		Set<Long> blockedBy = new HashSet<>();
		for (List<Long> chunk : chunks(asked)) {
			List<String> ids = chunk.stream().map(String::valueOf).toList();
			RelationsAnswer answer = call(() -> this.users.relations(new RelationsBody(Long.toString(viewer), ids)));
			if (answer.following() == null || answer.blockedBy() == null) {
				throw unexpected();
			}
			following.addAll(asked(answer.following(), chunk));
			blockedBy.addAll(asked(answer.blockedBy(), chunk));
		}
		return new ViewerRelations(following, blockedBy);
	}

	private <T> T call(Supplier<ApiResponse<T>> request) {
		ApiResponse<T> answer;
		try {
			answer = request.get();
		}
		catch (RuntimeException ex) {
			log.warn("Relations unavailable, refusing with 1006: {}", ex.toString());
			throw ApiException.unavailable("a dependency is unavailable, try again later");
		}
		if (answer == null || answer.data() == null) {
			throw unexpected();
		}
		return answer.data();
	}

	/** The distinct owners other than the viewer, in the order given. */
	private static List<Long> others(long viewer, Collection<Long> owners) {
		Set<Long> distinct = new LinkedHashSet<>(owners);
		distinct.remove(viewer);
		return new ArrayList<>(distinct);
	}

	private static List<List<Long>> chunks(List<Long> ids) {
		List<List<Long>> chunks = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += BATCH_LIMIT) {
			chunks.add(ids.subList(from, Math.min(ids.size(), from + BATCH_LIMIT)));
		}
		return chunks;
	}

	/** The answered IDs that were asked: user-service is not trusted to widen a set. */
	private static Set<Long> asked(List<String> answered, List<Long> chunk) {
		Set<Long> ids = new HashSet<>();
		for (String id : answered) {
			long parsed = id(id);
			if (chunk.contains(parsed)) {
				ids.add(parsed);
			}
		}
		return ids;
	}

	private static long id(String value) {
		Long id = Ids.tryParse(value);
		if (id == null) {
			throw unexpected();
		}
		return id;
	}

	private static ApiException unexpected() {
		return ApiException.unavailable("a dependency answered unexpectedly");
	}

}
