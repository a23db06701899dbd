package dev.ascent.tracker.account;

import jakarta.inject.Singleton;
import java.util.Optional;

/** Users as other features read (and lock) them: the account feature alone uses its repositories. */
@Singleton
public class Users {

    private final UserRepository users;

    Users(UserRepository users) {
        this.users = users;
    }

    public Optional<UserRow> findByHandle(String handle) {
        return users.findByHandle(handle);
    }

    public Optional<UserRow> findById(long id) {
        return users.findById(id);
    }

    /** The user's row, locked for the caller's transaction. */
    public Optional<UserRow> lockById(long id) {
        return users.lockById(id);
    }
}
