package com.contentsuite.article.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummariesTests {

	@Test
	void markupIsRenderedAwayByTheParser() {
		assertThat(Summaries.of("# Title\n\nSome **bold**, _em_ and `code` with a [link](http://x.example/a).\n\n"
				+ "- one\n- two\n\n> quoted"))
			.isEqualTo("Title Some bold, em and code with a link. one two quoted");
	}

	@Test
	void rawHtmlIsLeftOutNotShownAsText() {
		assertThat(Summaries.of("before <script>alert(1)</script> after\n\n<div>\nblock\n</div>"))
			.isEqualTo("before alert(1) after");
	}

	@Test
	void codeBlocksKeepTheirTextAndImagesTheirAltText() {
		assertThat(Summaries.of("```java\nint x = 1;\n```\n\n![a cat](cat.png)")).isEqualTo("int x = 1; a cat");
	}

	@Test
	void isTheFirst200CodePointsNeverHalfACharacter() {
		String text = "\uD840\uDC00".repeat(250);
		String summary = Summaries.of(text);
		assertThat(summary.codePointCount(0, summary.length())).isEqualTo(200);
		assertThat(summary).isEqualTo("\uD840\uDC00".repeat(200));
	}

	@Test
	void whitespaceCollapses() {
		assertThat(Summaries.of("a\n\n\n   b\t\tc")).isEqualTo("a b c");
	}

}
