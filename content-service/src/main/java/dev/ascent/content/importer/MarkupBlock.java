package dev.ascent.content.importer;

/**
 * One block of a Markdown or HTML guide after the markup is gone: a heading with its level (1 = h1), a list item
 * with its nesting depth (1 = top-level list), or a paragraph. {@code line} is the 1-based source line.
 */
record MarkupBlock(Kind kind, int level, String text, int line) {
    enum Kind {
        HEADING,
        ITEM,
        PARAGRAPH
    }

    /** A paragraph that is nothing but bold text reads as a minor heading in real-world Markdown. */
    static final int PSEUDO_HEADING_LEVEL = 7;
}
