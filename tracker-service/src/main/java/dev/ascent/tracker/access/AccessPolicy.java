package dev.ascent.tracker.access;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.account.Users;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;

/**
 * Who may see and change whose data. The owner reads and writes; a mentor with an ACTIVE mentorship reads
 * (writes get PERMISSION_DENIED); everyone else, including an administrator and a mentor whose mentorship is
 * pending or ended, gets NOT_FOUND, so the data's existence does not leak. Checked against the database on every
 * call, so ending a mentorship takes effect at once.
 *
 * <p>{@code @Connectable}, not a read-only transaction: inside a write it joins the write's connection and
 * transaction; on a read it only borrows a connection. A {@code @ReadOnly} here opened a transaction (SET autocommit,
 * COMMIT, SET autocommit: three round trips on MySQL) on every read call, even for one's own data, which needs no
 * query at all.
 */
@Connectable
@Singleton
public class AccessPolicy {

    private final Users users;
    private final JdbcOperations jdbc;

    public AccessPolicy(Users users, JdbcOperations jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    /** The owner named by a {@code users/{handle}} prefix, if the caller may read their data. */
    public UserRow readableOwner(Caller caller, String handle, String resourceName) {
        if (handle.equals(caller.handle())) {
            return caller.user(); // the common case, without a query: one's own data
        }
        UserRow owner = users.findByHandle(handle).orElseThrow(() -> ApiException.notFound(resourceName));
        if (!canRead(caller, owner.id())) {
            throw ApiException.notFound(resourceName);
        }
        return owner;
    }

    /** The owner named by a {@code users/{handle}} prefix, if the caller may change their data. */
    public UserRow writableOwner(Caller caller, String handle, String resourceName) {
        UserRow owner = readableOwner(caller, handle, resourceName);
        if (owner.id() != caller.userId()) {
            throw ApiException.permissionDenied("mentors have read-only access to " + owner.name());
        }
        return owner;
    }

    public boolean canRead(Caller caller, long ownerId) {
        return caller.userId() == ownerId || isActiveMentor(caller.userId(), ownerId);
    }

    public boolean isActiveMentor(long mentorId, long menteeId) {
        return jdbc.prepareStatement(
                "SELECT 1 FROM mentorship WHERE mentor_id = ? AND mentee_id = ? " + "AND state = 'ACTIVE'", ps -> {
                    ps.setLong(1, mentorId);
                    ps.setLong(2, menteeId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                });
    }
}
