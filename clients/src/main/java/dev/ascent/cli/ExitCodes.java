package dev.ascent.cli;

/** Distinct exit codes, so scripts can tell failures apart. */
final class ExitCodes {
    static final int USAGE = 2;
    static final int AUTH = 3;
    static final int NOT_FOUND = 4;
    static final int UNAVAILABLE = 5;
    static final int FAILED = 1;

    private ExitCodes() {
    }
}
