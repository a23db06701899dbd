package dev.ascent.tracker.account;

import dev.ascent.tracker.grpc.Principal;

/**
 * The authenticated user of the current call, with their row as it was when the token was checked (users do not
 * change once created, so it is current).
 */
public record Caller(UserRow user) implements Principal {

    @Override
    public long userId() {
        return user.id();
    }

    public String handle() {
        return user.handle();
    }

    public boolean admin() {
        return user.admin();
    }

    public String name() {
        return user.name();
    }
}
