package com.contentsuite.common.paging;

import com.contentsuite.common.web.ApiException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageQueryArgumentResolverTests {

	private final PageQueryArgumentResolver resolver = new PageQueryArgumentResolver();

	@Test
	void defaultsToFirstPageOfTwenty() {
		assertThat(resolve(null, null)).isEqualTo(new PageQuery(1, 20));
	}

	@Test
	void acceptsTheBounds() {
		assertThat(resolve("3", "50")).isEqualTo(new PageQuery(3, 50));
		assertThat(resolve("1", "1").offset()).isZero();
		assertThat(resolve("3", "10").offset()).isEqualTo(20);
	}

	@Test
	void refusesValuesOutsideTheBounds() {
		assertThatThrownBy(() -> resolve("0", null)).isInstanceOf(ApiException.class)
			.hasMessage("page must be at least 1");
		assertThatThrownBy(() -> resolve(null, "51")).isInstanceOf(ApiException.class).hasMessage("size must be 1-50");
		assertThatThrownBy(() -> resolve(null, "0")).isInstanceOf(ApiException.class);
		assertThatThrownBy(() -> resolve("x", null)).isInstanceOf(ApiException.class)
			.hasMessage("page must be a whole number");
	}

	@Test
	void pageResultUsesTheLookaheadRowForHasMore() {
		PageQuery query = new PageQuery(1, 2);
		assertThat(PageResult.of(query, java.util.List.of(1, 2, 3)))
			.isEqualTo(new PageResult<>(java.util.List.of(1, 2), 1, 2, true));
		assertThat(PageResult.of(query, java.util.List.of(1, 2)))
			.isEqualTo(new PageResult<>(java.util.List.of(1, 2), 1, 2, false));
	}

	private PageQuery resolve(String page, String size) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
		if (page != null) {
			request.addParameter("page", page);
		}
		if (size != null) {
			request.addParameter("size", size);
		}
		return (PageQuery) this.resolver.resolveArgument(null, null, new ServletWebRequest(request), null);
	}

}
