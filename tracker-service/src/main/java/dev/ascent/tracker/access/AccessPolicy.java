package dev.ascent.tracker.access;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.account.Users;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;

/**
 * Who may see and change whose data. The owner reads and writes; a mentor with an ACTIVE mentorship reads
 * (writes get PERMISSION_DENIED); everyone else, including an administrator and a mentor whose mentorship is
 * pending or ended, gets NOT_FOUND, so the data's existence does not leak. Checked against the database on every
 * call, so ending a mentorship takes effect at once.
 *
 * <p>A query here joins the caller's connection and transaction (inside a write) or borrows a connection for itself
 * (on a read); one's own data, the common case, needs no query and borrows none. Not a read-only transaction: a
 * {@code @ReadOnly} here opened one (SET autocommit, COMMIT, SET autocommit: three round trips on MySQL) on every read
 * call, and a class-wide {@code @Connectable} borrowed a connection on every call, even for one's own data.
 */
@Singleton
public class AccessPolicy {

    private final Users users;
    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;

    public AccessPolicy(Users users, JdbcOperations jdbc, ConnectionOperations<Connection> connections) {
        this.users = users;
        this.jdbc = jdbc;
        this.connections = connections;
    }

    /** The owner named by a {@code users/{handle}} prefix, if the caller may read their data. */
    public UserRow readableOwner(Caller caller, String handle, String resourceName) {
        if (handle.equals(caller.handle())) {
            return caller.user(); // the common case, without a query: one's own data
        }
        return connections.execute(ConnectionDefinition.DEFAULT, status -> {
            UserRow owner = users.findByHandle(handle).orElseThrow(() -> ApiException.notFound(resourceName));
            if (!canRead(caller, owner.id())) {
                throw ApiException.notFound(resourceName);
            }
            return owner;
        });
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
        return connections.execute(
                ConnectionDefinition.DEFAULT,
                status -> jdbc.prepareStatement(
                        "SELECT 1 FROM mentorship WHERE mentor_id = ? AND mentee_id = ? " + "AND state = 'ACTIVE'",
                        ps -> {
                            ps.setLong(1, mentorId);
                            ps.setLong(2, menteeId);
                            try (ResultSet rs = ps.executeQuery()) {
                                return rs.next();
                            }
                        }));
    }
}
