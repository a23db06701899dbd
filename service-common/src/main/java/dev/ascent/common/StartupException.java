package dev.ascent.common;

/** A start-up problem the user can fix; its message is printed as one line, without a stack trace. */
public class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }
}
