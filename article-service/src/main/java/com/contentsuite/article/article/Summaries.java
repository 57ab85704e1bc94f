package com.contentsuite.article.article;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The summary of docs/api.md: the text of the content's CommonMark syntax tree (parsed by
 * commonmark-java, the reference implementation's Java port), so markup of any kind is
 * gone: link targets, image URLs, list bullets and raw HTML leave nothing, link and image
 * texts and code stay. Whitespace collapses; the first 200 characters are kept (code
 * points, so a character outside the BMP is never cut in half).
 */
public final class Summaries {

	static final int LENGTH = 200;

	private static final Parser PARSER = Parser.builder().build();

	private Summaries() {
	}

	public static String of(String markdown) {
		TextCollector text = new TextCollector();
		PARSER.parse(markdown).accept(text);
		String plain = text.out.toString().replaceAll("\\s+", " ").strip();
		if (plain.codePointCount(0, plain.length()) <= LENGTH) {
			return plain;
		}
		return plain.substring(0, plain.offsetByCodePoints(0, LENGTH));
	}

	/** Collects the literal text; blocks and line breaks become a space. */
	private static final class TextCollector extends AbstractVisitor {

		private final StringBuilder out = new StringBuilder();

		@Override
		public void visit(Text text) {
			this.out.append(text.getLiteral());
		}

		@Override
		public void visit(Code code) {
			this.out.append(code.getLiteral());
		}

		@Override
		public void visit(FencedCodeBlock block) {
			this.out.append(block.getLiteral()).append(' ');
		}

		@Override
		public void visit(IndentedCodeBlock block) {
			this.out.append(block.getLiteral()).append(' ');
		}

		@Override
		public void visit(SoftLineBreak lineBreak) {
			this.out.append(' ');
		}

		@Override
		public void visit(HardLineBreak lineBreak) {
			this.out.append(' ');
		}

		@Override
		public void visit(HtmlInline html) {
			// markup: left out, not shown as text
		}

		@Override
		public void visit(HtmlBlock html) {
			// markup: left out, not shown as text
		}

		@Override
		public void visit(Paragraph paragraph) {
			visitChildren(paragraph);
			this.out.append(' ');
		}

		@Override
		public void visit(Heading heading) {
			visitChildren(heading);
			this.out.append(' ');
		}

		@Override
		public void visit(ListItem item) {
			visitChildren(item);
			this.out.append(' ');
		}

		@Override
		public void visit(BlockQuote quote) {
			visitChildren(quote);
			this.out.append(' ');
		}

	}

}
