package dev.ascent.tracker.account;

/** The authenticated user of the current call. */
public record Caller(long userId, String handle, boolean admin) {

    public String name() {
        return "users/" + handle;
    }
}
