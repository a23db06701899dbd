package dev.ascent.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Questions before a change that loses something; only asked when a person is at the terminal. */
final class Confirm {

    private Confirm() {}

    /** The answer (stripped), or null when nobody can answer (no terminal): the caller then needs --force. */
    static String ask(Cli cli, String question) {
        if (!cli.interactive) {
            return null;
        }
        cli.out.print(question);
        cli.out.flush();
        String line = TerminalInput.readLine(new BufferedReader(new InputStreamReader(cli.in, StandardCharsets.UTF_8)));
        return line == null ? "" : line;
    }

    /** True for y or yes; null when nobody can answer. */
    static Boolean yes(Cli cli, String question) {
        String answer = ask(cli, question + " [y/N] ");
        return answer == null ? null : answer.equals("y") || answer.equals("yes");
    }
}
