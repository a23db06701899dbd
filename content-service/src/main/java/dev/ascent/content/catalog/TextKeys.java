package dev.ascent.content.catalog;

import java.util.Locale;

/**
 * The key two texts of the catalog are the same under: lower case, each run of whitespace one space, no whitespace at
 * either end. Items, topics and sections are matched on it, by the importer (which rows a re-import keeps) and by the
 * assembler (which topics and items of several guides merge), on every item of a role: a loop here, since
 * {@code replaceAll("\\s+", " ")} compiled its pattern on every call and was a tenth of an import's CPU.
 */
public final class TextKeys {
    private TextKeys() {}

    /** The same as {@code text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip()}. */
    public static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(lower.length());
        boolean inRun = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') { // regex's \s
                if (!inRun) {
                    b.append(' ');
                    inRun = true;
                }
            } else {
                b.append(c);
                inRun = false;
            }
        }
        return b.toString().strip();
    }
}
