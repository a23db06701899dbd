package dev.ascent.content.importer;

/** The document cannot be imported; {@link #line()} is 0 when no specific line is to blame. */
public final class GuideParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    public GuideParseException(String message, int line) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
