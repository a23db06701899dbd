package dev.ascent.content.importer;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuideTextTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void emptyInputIsRejected() {
        GuideParseException e = assertThrows(GuideParseException.class, () -> GuideText.decode(new byte[0]));
        assertEquals("document is empty", e.getMessage());
        assertEquals(0, e.line());
        assertThrows(GuideParseException.class, () -> GuideText.decode(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\n\n", " \t \r\n ", "\uFEFF  \n"})
    void whitespaceOnlyIsEmpty(String s) {
        GuideParseException e = assertThrows(GuideParseException.class, () -> GuideText.decode(utf8(s)));
        assertEquals("document is empty", e.getMessage());
    }

    @Test
    void oversizedInputNamesTheLimit() {
        byte[] big = new byte[GuideText.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        GuideParseException e = assertThrows(GuideParseException.class, () -> GuideText.decode(big));
        assertTrue(e.getMessage().contains("1048576"), e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void inputOfExactlyTheLimitIsAccepted() throws Exception {
        byte[] max = new byte[GuideText.MAX_BYTES];
        Arrays.fill(max, (byte) 'a');
        assertEquals(GuideText.MAX_BYTES, GuideText.decode(max).length());
    }

    @Test
    void invalidUtf8ReportsLineOfFirstBadByte() {
        byte[] head = utf8("Overview\r\nline two\nline three ");
        byte[] data = Arrays.copyOf(head, head.length + 2);
        data[head.length] = (byte) 0xC3;
        data[head.length + 1] = (byte) 0x28;
        GuideParseException e = assertThrows(GuideParseException.class, () -> GuideText.decode(data));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("UTF-8"));
    }

    @Test
    void truncatedMultiByteSequenceAtEndIsInvalid() {
        byte[] data = Arrays.copyOf(utf8("Overview\n"), 10);
        data[9] = (byte) 0xE2;
        assertEquals(
                2,
                assertThrows(GuideParseException.class, () -> GuideText.decode(data))
                        .line());
    }

    @Test
    void nulByteIsBinary() {
        GuideParseException e =
                assertThrows(GuideParseException.class, () -> GuideText.decode(utf8("Overview\nok\nbad\u0000here")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("NUL"), e.getMessage());
    }

    @Test
    void otherControlCharacterIsBinary() {
        GuideParseException e =
                assertThrows(GuideParseException.class, () -> GuideText.decode(utf8("Overview\r\n\u0007bell")));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("U+0007"), e.getMessage());
    }

    @Test
    void tabsFormFeedsAndUnicodeAreAllowed() throws Exception {
        assertEquals("a\tb\fc \u00e9\u2022", GuideText.decode(utf8("a\tb\fc \u00e9\u2022")));
    }

    @Test
    void bomIsStrippedAndNewlinesNormalized() throws Exception {
        byte[] body = utf8("Overview\r\nText\rMore\n");
        byte[] data = new byte[body.length + 3];
        data[0] = (byte) 0xEF;
        data[1] = (byte) 0xBB;
        data[2] = (byte) 0xBF;
        System.arraycopy(body, 0, data, 3, body.length);
        assertEquals("Overview\nText\nMore\n", GuideText.decode(data));
    }
}
