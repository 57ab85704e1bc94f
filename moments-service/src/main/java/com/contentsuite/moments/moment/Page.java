package com.contentsuite.moments.moment;

import java.util.List;
import java.util.function.Function;

/** {@code {"list", "hasMore"}}, the answer of every list under {@code /chatx/moments}. */
public record Page<T>(List<T> list, boolean hasMore) {

	/** A page from rows read with {@link Pagination#limitWithLookahead()}. */
	public static <T> Page<T> of(Pagination pagination, List<T> rowsWithLookahead) {
		boolean hasMore = rowsWithLookahead.size() > pagination.showNumber();
		List<T> list = hasMore ? rowsWithLookahead.subList(0, pagination.showNumber()) : rowsWithLookahead;
		return new Page<>(List.copyOf(list), hasMore);
	}

	public static <T> Page<T> empty() {
		return new Page<>(List.of(), false);
	}

	public <R> Page<R> map(Function<List<T>, List<R>> mapper) {
		return new Page<>(mapper.apply(this.list), this.hasMore);
	}

}
