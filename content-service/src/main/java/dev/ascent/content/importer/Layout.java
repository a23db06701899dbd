package dev.ascent.content.importer;

/** The document shapes the importer understands. */
public enum Layout {
    /** Top-level headings with intro paragraphs, sub-headings, bullets and closing summaries. */
    LONG_FORM,
    /** Role title on line 1, "Career Guide" at the start of line 2, terse lists that are often run together. */
    SHORT_FORM,
    /** CommonMark: heading levels give sections and topics, lists give items. */
    MARKDOWN,
    /** An HTML page: its main content, read like Markdown once the page furniture is dropped. */
    HTML
}
