package dev.ascent.cli;

/** Distinct exit codes, so scripts can tell failures apart. */
final class ExitCodes {
    /** Anything else (a server-side state conflict, an internal error). */
    static final int FAILED = 1;
    /** Bad command line, or input the service rejected as invalid (INVALID_ARGUMENT). */
    static final int USAGE = 2;
    /** No token, a bad token, or not allowed (UNAUTHENTICATED, PERMISSION_DENIED). */
    static final int AUTH = 3;
    /** The plan, item, role, user... does not exist or is not yours to see (NOT_FOUND). */
    static final int NOT_FOUND = 4;
    /** A service cannot be reached or did not answer in time (UNAVAILABLE, DEADLINE_EXCEEDED), after retries. */
    static final int UNAVAILABLE = 5;
    /** The server does not offer this feature yet (UNIMPLEMENTED). */
    static final int NOT_AVAILABLE_YET = 6;

    private ExitCodes() {}
}
