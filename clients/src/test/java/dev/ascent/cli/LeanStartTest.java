package dev.ascent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command builds only its own part of the command tree, and behaves exactly as it does in the whole tree. */
class LeanStartTest {

    private static final PrintWriter SINK = new PrintWriter(java.io.Writer.nullWriter());

    private static Cli cli(StringWriter out) {
        PrintWriter w = new PrintWriter(out, true);
        return new Cli(Map.of(), w, w, InputStream.nullInputStream(), false);
    }

    @Test
    void aCommandBuildsOnlyItsOwnSubtree() {
        Cli cli = new Cli(Map.of(), SINK, SINK, InputStream.nullInputStream(), false);
        assertEquals(
                Set.of("whoami"),
                AscentCli.commandLine(cli, "whoami").getSubcommands().keySet());
        assertEquals(
                Set.of("plan"),
                AscentCli.commandLine(cli, "plan", "show").getSubcommands().keySet());
        // No command, an option first, or an unknown word: the whole tree, for help and picocli's suggestions.
        int all = AscentCli.commandLine(cli).getSubcommands().size();
        assertTrue(all > 15, "subcommands: " + all);
        assertEquals(all, AscentCli.commandLine(cli).getSubcommands().size());
        assertEquals(all, AscentCli.commandLine(cli, "--help").getSubcommands().size());
        assertEquals(all, AscentCli.commandLine(cli, "whoamii").getSubcommands().size());
    }

    @Test
    void everyCommandPrintsTheSameHelpAndErrorsAsInTheWholeTree() {
        CommandLine whole = AscentCli.commandLine(new Cli(Map.of(), SINK, SINK, InputStream.nullInputStream(), false));
        for (String name : whole.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            for (String[] args : new String[][] {{name, "--help"}, {name, "--no-such-option"}}) {
                StringWriter lean = new StringWriter();
                StringWriter full = new StringWriter();
                int leanExit = AscentCli.run(cli(lean), args);
                int fullExit = AscentCli.commandLine(cli(full)).execute(args);
                assertEquals(fullExit, leanExit, () -> String.join(" ", args));
                assertEquals(full.toString(), lean.toString(), () -> String.join(" ", args));
            }
        }
    }
}
