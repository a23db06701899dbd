package dev.ascent.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

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

    Cli(Map<String, String> env, PrintWriter out, PrintWriter err, InputStream in, boolean interactive) {
        this.env = Map.copyOf(env);
        this.out = out;
        this.err = err;
        this.in = in;
        this.interactive = interactive;
    }

    static Cli system() {
        Console console = System.console();
        return new Cli(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                System.in, console != null);
    }

    /** The terminal's width when a person reads the output and $COLUMNS gives it, else 0 (no limit). */
    int columns() {
        String c = env("COLUMNS");
        if (wide || !interactive || c == null || !c.strip().matches("\\d{1,4}")) {
            return 0;
        }
        return Math.max(40, Integer.parseInt(c.strip()));
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
        Path dir = base != null ? Path.of(base) : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")),
                ".config");
        return dir.resolve("ascent").resolve("config.properties");
    }
}
