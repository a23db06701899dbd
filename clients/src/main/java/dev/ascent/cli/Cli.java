package dev.ascent.cli;

import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * What a command may touch outside itself: environment, config file, standard streams. Tests build one with
 * their own values so commands run in-process without touching the real home directory.
 */
final class Cli {

    final Map<String, String> env;
    final PrintWriter out;
    final PrintWriter err;
    final InputStream in;
    /** True when a person sits at the terminal (enables the interactive practice checklist and prompts). */
    final boolean interactive;
    /** Set by --wide: tables print every cell whole whatever the terminal's width. */
    boolean wide;
    /** Asks the terminal for its width (0: unknown); asked at most once, and only when a table needs it. */
    private final IntSupplier terminalWidth;

    private int askedWidth = -1;
    private Thread asking;

    Cli(Map<String, String> env, PrintWriter out, PrintWriter err, InputStream in, boolean interactive) {
        this(env, out, err, in, interactive, () -> 0);
    }

    Cli(
            Map<String, String> env,
            PrintWriter out,
            PrintWriter err,
            InputStream in,
            boolean interactive,
            IntSupplier terminalWidth) {
        this.env = Map.copyOf(env);
        this.out = out;
        this.err = err;
        this.in = in;
        this.interactive = interactive;
        this.terminalWidth = terminalWidth;
    }

    static Cli system() {
        Console console = System.console();
        return new Cli(
                System.getenv(),
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                System.in,
                console != null,
                () -> sttyWidth(new File("/dev/tty")));
    }

    /**
     * The terminal's width when a person reads the output (standard input and output are a terminal), else 0: no
     * limit. $COLUMNS when set (shells seldom export it), else what the terminal says.
     */
    int columns() {
        if (wide || !interactive) {
            return 0;
        }
        String c = env("COLUMNS");
        int width;
        if (c != null && c.strip().matches("\\d{1,4}")) {
            width = Integer.parseInt(c.strip());
        } else {
            width = askedWidth();
        }
        return width <= 0 ? 0 : Math.max(40, width);
    }

    /**
     * Starts asking the terminal for its width while the command waits for the services, when a table could need
     * the answer: the question is a process start, 5-80 ms depending on the machine's load.
     */
    synchronized void askTerminalSoon() {
        if (asking == null && askedWidth < 0 && !wide && interactive && env("COLUMNS") == null) {
            asking = new Thread(this::askedWidth, "terminal-width");
            asking.setDaemon(true);
            asking.start();
        }
    }

    private int askedWidth() {
        Thread other;
        synchronized (this) {
            other = asking != null && asking != Thread.currentThread() ? asking : null;
        }
        if (other != null) {
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (askedWidth < 0) {
                askedWidth = terminalWidth.getAsInt();
            }
            return askedWidth;
        }
    }

    /**
     * {@code stty size} on the controlling terminal: "ROWS COLUMNS". Java has no call for a terminal's size, and
     * a library that has one (JLine) would cost more start-up than this process, about 10 ms
     * (docs/PERFORMANCE.md, "CLI start-up"). 0 when it cannot tell.
     *
     * @param terminal the terminal device, /dev/tty (the class-data archive's training run passes another file)
     */
    static int sttyWidth(File terminal) {
        try {
            Process p = new ProcessBuilder("stty", "size")
                    .redirectInput(terminal)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0 || !answer.matches("\\d+ \\d{1,4}")) {
                return 0;
            }
            return Integer.parseInt(answer.substring(answer.indexOf(' ') + 1));
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /**
     * {@code $ASCENT_CONFIG}, else {@code $XDG_CONFIG_HOME/ascent/config.properties}, else
     * {@code ~/.config/ascent/config.properties}. Independent of {@code ASCENT_HOME}, which is the services' data.
     */
    Path configFile() {
        if (env("ASCENT_CONFIG") != null) {
            return Path.of(env("ASCENT_CONFIG"));
        }
        String base = env("XDG_CONFIG_HOME");
        Path dir = base != null
                ? Path.of(base)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return dir.resolve("ascent").resolve("config.properties");
    }
}
