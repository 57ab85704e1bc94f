package com.contentsuite.common.paging;

import java.util.List;
import java.util.function.Function;

/** {@code {"list", "page", "size", "hasMore"}}. */
public record PageResult<T>(List<T> list, int page, int size, boolean hasMore) {

	/**
	 * Builds a page from a query that fetched {@link PageQuery#limitWithLookahead()}
	 * rows.
	 */
	public static <T> PageResult<T> of(PageQuery query, List<T> rowsWithLookahead) {
		boolean hasMore = rowsWithLookahead.size() > query.size();
		List<T> list = hasMore ? rowsWithLookahead.subList(0, query.size()) : rowsWithLookahead;
		return new PageResult<>(List.copyOf(list), query.page(), query.size(), hasMore);
	}

	public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
		return new PageResult<>(this.list.stream().<R>map(mapper).toList(), this.page, this.size, this.hasMore);
	}

}
