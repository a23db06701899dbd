package dev.ascent.content.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Turns uploaded bytes into normalized text, refusing anything that is not a plain UTF-8 text document. */
public final class GuideText {
    public static final int MAX_BYTES = 1_048_576;

    private GuideText() {}

    public static String decode(byte[] data) throws GuideParseException {
        if (data == null || data.length == 0) {
            throw new GuideParseException("document is empty", 0);
        }
        // Checked before decoding so an oversized upload costs no decoding work.
        if (data.length > MAX_BYTES) {
            throw new GuideParseException(
                    "document is too large: " + data.length + " bytes exceeds the limit of " + MAX_BYTES
                            + " bytes (1 MiB)",
                    0);
        }
        int start = hasBom(data) ? 3 : 0;
        String text = decodeStrict(data, start);
        checkControlCharacters(text);
        String normalized = normalizeNewlines(text);
        if (normalized.isBlank()) {
            throw new GuideParseException("document is empty", 0);
        }
        return normalized;
    }

    /** CRLF and lone CR become LF so line numbers agree with what editors show. */
    static String normalizeNewlines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static boolean hasBom(byte[] data) {
        return data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF;
    }

    private static String decodeStrict(byte[] data, int start) throws GuideParseException {
        // REPORT instead of the default REPLACE: silently inserting U+FFFD would corrupt imported content.
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data, start, data.length - start);
        CharBuffer out = CharBuffer.allocate(data.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new GuideParseException(
                    "invalid UTF-8 at line " + lineOfByte(data, start, offset) + " (byte offset " + offset + ")",
                    lineOfByte(data, start, offset));
        }
        out.flip();
        return out.toString();
    }

    private static int lineOfByte(byte[] data, int start, int offset) {
        int line = 1;
        for (int i = start; i < offset && i < data.length; i++) {
            if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= data.length || data[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static void checkControlCharacters(String text) throws GuideParseException {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            } else if (c < 0x20 && c != '\t' && c != '\r' && c != '\f') {
                String what = c == 0 ? "NUL byte" : String.format(Locale.ROOT, "control character U+%04X", (int) c);
                throw new GuideParseException("binary content: " + what + " at line " + line, line);
            }
        }
    }
}
