package dev.ascent.cli;

/** A failure the CLI itself detects (no plan yet, a file it cannot read), with the exit code to end with. */
final class CliException extends RuntimeException {

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
