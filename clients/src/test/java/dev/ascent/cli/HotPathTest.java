package dev.ascent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hot commands' short way (without picocli) takes only their plain forms, and behaves as picocli's way. */
class HotPathTest {

    private static final Cli SINK = new Cli(
            Map.of(),
            new PrintWriter(java.io.Writer.nullWriter()),
            new PrintWriter(java.io.Writer.nullWriter()),
            InputStream.nullInputStream(),
            false);

    @Test
    void takesOnlyThePlainForms() {
        for (String line : new String[] {
            "whoami",
            "whoami --json",
            "whoami --wide --json",
            "plan show",
            "plan show 123",
            "plan show --json users/ann/plans/1",
            "plan show 1 --wide"
        }) {
            assertNotNull(HotPath.command(SINK, line.split(" ")), line);
        }
        for (String line : new String[] {
            "whoami --help",
            "whoami -h",
            "whoami --token t",
            "whoami --json --json",
            "whoami extra",
            "whoami --profile=x",
            "plan",
            "plan list",
            "plan show 1 2",
            "plan show -x",
            "plan show @args",
            "plan show --deadline 3",
            "plan show --",
            "--version",
            "whoamii",
            "show plan"
        }) {
            assertNull(HotPath.command(SINK, line.split(" ")), line);
        }
        PlanCommands.Show show = (PlanCommands.Show) HotPath.command(SINK, "plan", "show", "--wide", "42");
        assertEquals("42", show.plan);
        assertEquals(true, show.wide);
        assertEquals(false, show.json);
    }

    /** Failures before any call and without a reachable service: same words, same exit code, either way. */
    @Test
    void failsAsPicocliWouldRun() {
        Map<String, String> env = Map.of(
                "ASCENT_TRACKER_TARGET",
                "127.0.0.1:1",
                "ASCENT_CONTENT_TARGET",
                "127.0.0.1:1",
                "ASCENT_TOKEN",
                "t",
                "ASCENT_CONFIG",
                "/nonexistent/ascent-hot-path-test");
        for (String line :
                new String[] {"whoami", "whoami --json", "plan show", "plan show abc", "plan show 7 --wide"}) {
            String[] args = line.split(" ");
            StringWriter hotOut = new StringWriter();
            StringWriter fullOut = new StringWriter();
            Cli hot = cli(env, hotOut);
            Cli full = cli(env, fullOut);
            Integer hotExit = HotPath.run(hot, args);
            int fullExit = AscentCli.commandLine(full).execute(args);
            assertEquals(fullExit, hotExit, line);
            assertEquals(fullOut.toString(), hotOut.toString(), line);
        }
    }

    private static Cli cli(Map<String, String> env, StringWriter out) {
        PrintWriter w = new PrintWriter(out, true);
        return new Cli(env, w, w, InputStream.nullInputStream(), false);
    }
}
