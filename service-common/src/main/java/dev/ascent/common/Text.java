package dev.ascent.common;

/** Shortening text copied from elsewhere (the catalog) to fit a column, without splitting a character. */
public final class Text {

    private Text() {}

    /**
     * {@code text} if it has at most {@code max} UTF-16 code units (what H2 counts; MySQL counts code points, which
     * are never more), else its start and "...", never cutting a surrogate pair in two.
     */
    public static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 3;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...";
    }
}
