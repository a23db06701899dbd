package dev.ascent.content.importer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A parse whose caller has gone stops: the cancellation is consulted throughout, for every format. */
class CancellationTest {

    @ParameterizedTest
    @EnumSource(
            value = GuideFormat.class,
            names = {"TEXT", "MARKDOWN", "HTML"})
    void aCancelledParseStopsPartWay(GuideFormat format) {
        String piece = switch (format) {
            case MARKDOWN -> "## Skills\n\n- item\n\n";
            case HTML -> "<h2>Skills</h2><ul><li>item</li></ul>\n";
            default -> "Skills\n- item\n";
        };
        String text = (format == GuideFormat.HTML ? "<h1>Test Engineer</h1>\n" : "") + piece.repeat(20_000);
        AtomicInteger checks = new AtomicInteger();
        // Cancelled after 100 checks: far fewer than the document needs, so finishing would mean it was ignored.
        Cancellation after100 = () -> checks.incrementAndGet() > 100;
        assertThrows(
                Cancellation.Cancelled.class, () -> new GuideParser().parse(text, "Test Engineer", format, after100));
        assertTrue(checks.get() <= 102, "stopped at the first check after the cancel: " + checks.get());
    }
}
