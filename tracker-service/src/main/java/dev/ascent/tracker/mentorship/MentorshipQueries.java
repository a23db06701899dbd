package dev.ascent.tracker.mentorship;

import dev.ascent.common.db.BoundedCount;
import dev.ascent.common.db.InstantMicros;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Mentorship reads joined with both users, so a page of them is one query. Runs in the caller's transaction. */
@Singleton
public class MentorshipQueries {

    private static final String SELECT = "SELECT m.id, m.mentor_id, m.mentee_id, m.state, m.message, m.create_time, "
            + "m.respond_time, m.end_time, m.ended_by, m.version, r.handle, r.display_name, e.handle, e.display_name "
            + "FROM mentorship m JOIN app_user r ON r.id = m.mentor_id JOIN app_user e ON e.id = m.mentee_id ";

    /** Which side of the mentorship the caller is on in a list. */
    public enum Side {
        MENTOR,
        MENTEE,
        EITHER
    }

    private final JdbcOperations jdbc;

    public MentorshipQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MentorshipView> find(long id) {
        return jdbc.prepareStatement(SELECT + "WHERE m.id = ?", ps -> {
            ps.setLong(1, id);
            return read(ps).stream().findFirst();
        });
    }

    /** Invitations newest first; {@code state} null means any. */
    public List<MentorshipView> invitations(long userId, Side side, MentorshipState state, int limit, int offset) {
        String sql = SELECT + "WHERE " + invitationsWhere(side, state)
                + " ORDER BY m.create_time DESC, m.id DESC LIMIT ? OFFSET ?";
        return jdbc.prepareStatement(sql, ps -> {
            int i = bindInvitations(ps, userId, side, state);
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            return read(ps);
        });
    }

    /** How many invitations {@link #invitations} lists in all, up to {@link BoundedCount#MAX}. */
    public int countInvitations(long userId, Side side, MentorshipState state) {
        return BoundedCount.of(
                jdbc,
                "SELECT 1 FROM mentorship m WHERE " + invitationsWhere(side, state),
                ps -> bindInvitations(ps, userId, side, state));
    }

    private static String invitationsWhere(Side side, MentorshipState state) {
        String who = switch (side) {
            case MENTOR -> "m.mentor_id = ?";
            case MENTEE -> "m.mentee_id = ?";
            case EITHER -> "(m.mentor_id = ? OR m.mentee_id = ?)";
        };
        return who + (state == null ? "" : " AND m.state = ?");
    }

    private static int bindInvitations(PreparedStatement ps, long userId, Side side, MentorshipState state)
            throws SQLException {
        int i = 1;
        ps.setLong(i++, userId);
        if (side == Side.EITHER) {
            ps.setLong(i++, userId);
        }
        if (state != null) {
            ps.setString(i++, state.name());
        }
        return i;
    }

    /** ACTIVE mentorships where the user is on {@code side}, ordered by the other side's handle. */
    public List<MentorshipView> active(long userId, Side side, int limit, int offset) {
        String sql = side == Side.MENTOR
                ? SELECT + "WHERE m.mentor_id = ? AND m.state = 'ACTIVE' ORDER BY e.handle LIMIT ? OFFSET ?"
                : SELECT + "WHERE m.mentee_id = ? AND m.state = 'ACTIVE' ORDER BY r.handle LIMIT ? OFFSET ?";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, userId);
            ps.setInt(2, limit);
            ps.setInt(3, offset);
            return read(ps);
        });
    }

    /** How many ACTIVE mentorships {@link #active} lists in all, up to {@link BoundedCount#MAX}. */
    public int countActive(long userId, Side side) {
        String column = side == Side.MENTOR ? "mentor_id" : "mentee_id";
        return BoundedCount.of(jdbc, "SELECT 1 FROM mentorship WHERE " + column + " = ? AND state = 'ACTIVE'", ps -> {
            ps.setLong(1, userId);
            return 2;
        });
    }

    private static List<MentorshipView> read(PreparedStatement ps) throws SQLException {
        List<MentorshipView> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long respond = rs.getLong(7);
                boolean noRespond = rs.wasNull();
                long end = rs.getLong(8);
                boolean noEnd = rs.wasNull();
                long by = rs.getLong(9);
                boolean noBy = rs.wasNull();
                MentorshipRow row = new MentorshipRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        InstantMicros.fromMicros(rs.getLong(6)),
                        noRespond ? null : InstantMicros.fromMicros(respond),
                        noEnd ? null : InstantMicros.fromMicros(end),
                        noBy ? null : by,
                        rs.getInt(10));
                out.add(new MentorshipView(
                        row, rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14)));
            }
        }
        return out;
    }
}
