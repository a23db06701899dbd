package dev.ascent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Tables fit the terminal: $COLUMNS, else the terminal's own answer, asked once and only at a terminal. */
class TerminalWidthTest {

    private static final PrintWriter SINK = new PrintWriter(java.io.Writer.nullWriter());

    private static Cli cli(Map<String, String> env, boolean interactive, AtomicInteger asked) {
        return new Cli(env, SINK, SINK, InputStream.nullInputStream(), interactive, () -> {
            asked.incrementAndGet();
            return 100;
        });
    }

    @Test
    void widthComesFromColumnsElseFromTheTerminal() {
        AtomicInteger asked = new AtomicInteger();
        Cli terminal = cli(Map.of(), true, asked);
        assertEquals(100, terminal.columns());
        assertEquals(100, terminal.columns());
        assertEquals(1, asked.get(), "asked once");

        asked.set(0);
        assertEquals(80, cli(Map.of("COLUMNS", "80"), true, asked).columns());
        assertEquals(0, cli(Map.of(), false, asked).columns(), "a pipe or a file: no limit");
        Cli wide = cli(Map.of(), true, asked);
        wide.wide = true;
        assertEquals(0, wide.columns());
        assertEquals(0, asked.get(), "the terminal is asked only when its answer is needed");
        assertEquals(
                0,
                new Cli(Map.of(), SINK, SINK, InputStream.nullInputStream(), true, () -> 0).columns(),
                "unknown: no limit");
    }

    @Test
    void askedAheadOnceWhileTheCommandWaits() {
        AtomicInteger asked = new AtomicInteger();
        Cli terminal = cli(Map.of(), true, asked);
        terminal.askTerminalSoon();
        terminal.askTerminalSoon();
        assertEquals(100, terminal.columns());
        assertEquals(100, terminal.columns());
        assertEquals(1, asked.get());

        asked.set(0);
        cli(Map.of(), false, asked).askTerminalSoon();
        cli(Map.of("COLUMNS", "90"), true, asked).askTerminalSoon();
        assertEquals(0, asked.get(), "no terminal, or $COLUMNS: nothing to ask");
    }

    @Test
    void aNarrowTerminalCutsTheWidestColumnAndSaysHowToSeeItAll() {
        StringWriter out = new StringWriter();
        new Table("#", "TITLE").row(1, "x".repeat(120)).print(new PrintWriter(out, true), 60);
        String[] lines = out.toString().split("\n");
        assertEquals(60, lines[1].length(), out.toString());
        assertEquals("(cut to fit 60 columns: --wide prints every cell whole)", lines[2]);
    }
}
