package com.contentsuite.article.article;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The summary of API.md: the content's Markdown rendered to plain text by CommonMark's
 * parser, raw HTML left out, whitespace collapsed, the first 200 characters (code points,
 * so a character outside the BMP is never cut in half).
 */
public final class Summaries {

	static final int LENGTH = 200;

	private static final Parser PARSER = Parser.builder().build();

	private static final TextContentRenderer RENDERER = TextContentRenderer.builder().build();

	private Summaries() {
	}

	public static String of(String markdown) {
		Node document = PARSER.parse(markdown);
		document.accept(new HtmlRemover());
		String text = RENDERER.render(document).replaceAll("\\s+", " ").strip();
		if (text.codePointCount(0, text.length()) <= LENGTH) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, LENGTH));
	}

	/** Raw HTML is markup too: a summary shows none of it, not even as text. */
	private static final class HtmlRemover extends AbstractVisitor {

		@Override
		public void visit(HtmlBlock htmlBlock) {
			htmlBlock.unlink();
		}

		@Override
		public void visit(HtmlInline htmlInline) {
			htmlInline.unlink();
		}

	}

}
