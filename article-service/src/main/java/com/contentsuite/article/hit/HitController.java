package com.contentsuite.article.hit;

import com.contentsuite.common.identity.Viewer;
import com.contentsuite.common.web.ApiResponse;
import com.contentsuite.common.web.Ids;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /articles/{articleID}/hits} ({@code optional}): the count after this hit.
 */
@RestController
class HitController {

	private final HitService hits;

	HitController(HitService hits) {
		this.hits = hits;
	}

	@PutMapping("/articles/{articleID}/hits")
	ApiResponse<Hits> hit(@PathVariable("articleID") String articleId, Viewer viewer) {
		return ApiResponse.ok(new Hits(this.hits.hit(Ids.parse(articleId, "articleID"), viewer)));
	}

	record Hits(long hits) {
	}

}
