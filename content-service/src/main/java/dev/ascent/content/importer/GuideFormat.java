package dev.ascent.content.importer;

import java.util.Locale;
import java.util.regex.Pattern;

/** How a guide is written. {@link #AUTO} decides from the source name's extension, then by sniffing the text. */
public enum GuideFormat {
    AUTO,
    TEXT,
    MARKDOWN,
    HTML;

    private static final Pattern HTML_TAG = Pattern.compile(
            "(?i)<(?:!doctype\\s+html|html|head|body|article|main" + "|section|div|h[1-6]|p|ul|ol|li)\\b[^>]{0,200}>");
    private static final Pattern ATX = Pattern.compile("(?m)^ {0,3}#{1,6}[ \\t]+\\S");
    private static final Pattern SETEXT = Pattern.compile("(?m)^\\S[^\\n]{0,200}\\n {0,3}=+[ \\t]*$");
    private static final Pattern MARKDOWN_INLINE =
            Pattern.compile("\\*\\*\\S[^\\n*]{0,200}\\*\\*|\\]\\([^)\\s]{1,500}\\)");
    // Sniffing looks at the start only: a document announces its format early, and it keeps AUTO cheap.
    private static final int SNIFF_CHARS = 16_384;

    /** The concrete format: the requested one, else the extension of {@code sourceName}, else the text's look. */
    public GuideFormat resolve(String sourceName, String text) {
        if (this != AUTO) {
            return this;
        }
        GuideFormat byName = byExtension(sourceName);
        return byName != null ? byName : sniff(text);
    }

    static GuideFormat byExtension(String sourceName) {
        if (sourceName == null) {
            return null;
        }
        String name = sourceName.toLowerCase(Locale.ROOT).replaceFirst("[?#].*$", "");
        int dot = name.lastIndexOf('.');
        if (dot < 0 || name.indexOf('/', dot) >= 0) {
            return null;
        }
        return switch (name.substring(dot + 1)) {
            case "md", "markdown", "mdown", "mkd" -> MARKDOWN;
            case "html", "htm", "xhtml" -> HTML;
            case "txt", "text" -> TEXT;
            default -> null;
        };
    }

    static GuideFormat sniff(String text) {
        String head = text.length() > SNIFF_CHARS ? text.substring(0, SNIFF_CHARS) : text;
        var tags = HTML_TAG.matcher(head);
        int found = 0;
        while (found < 2 && tags.find()) {
            found++;
        }
        if (found >= 2) {
            return HTML;
        }
        if (ATX.matcher(head).find()
                || SETEXT.matcher(head).find()
                || MARKDOWN_INLINE.matcher(head).find()) {
            return MARKDOWN;
        }
        return TEXT;
    }
}
