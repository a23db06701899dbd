package dev.ascent.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;

/** Reading answers from the terminal (or a pipe) for the interactive commands. */
final class TerminalInput {

    private TerminalInput() {}

    /** The next line as typed; null at end of input. */
    static String readRaw(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot read the terminal: " + e.getMessage());
        }
    }

    /** The next line, stripped and lower-cased; null at end of input. */
    static String readLine(BufferedReader in) {
        try {
            String line = in.readLine();
            return line == null ? null : line.strip().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot read the terminal: " + e.getMessage());
        }
    }
}
