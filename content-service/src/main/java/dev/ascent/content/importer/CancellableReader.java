package dev.ascent.content.importer;

import java.io.Reader;

/**
 * Hands a string to a library parser in chunks, checking the cancellation before each one: commonmark and jsoup
 * read their input as they parse, so a cancelled import stops inside their parse as well.
 */
final class CancellableReader extends Reader {
    private static final int CHUNK = 8_192;
    private final String text;
    private final Cancellation cancellation;
    private int position;

    CancellableReader(String text, Cancellation cancellation) {
        this.text = text;
        this.cancellation = cancellation;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        cancellation.check();
        if (position >= text.length()) {
            return -1;
        }
        int n = Math.min(Math.min(length, CHUNK), text.length() - position);
        text.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
    }

    @Override
    public void close() {}
}
