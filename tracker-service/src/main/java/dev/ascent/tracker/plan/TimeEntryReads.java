package dev.ascent.tracker.plan;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.grpc.Names;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An item's time entries for its owner and their active mentors (notes hidden from mentors on private items). */
@Singleton
public class TimeEntryReads {

    public record Entry(long id, int minutes, int day, String note, Instant createTime) {}

    private final AccessPolicy access;
    private final PlanItemRepository items;
    private final JdbcOperations jdbc;

    public TimeEntryReads(AccessPolicy access, PlanItemRepository items, JdbcOperations jdbc) {
        this.access = access;
        this.items = items;
        this.jdbc = jdbc;
    }

    /** Newest first: by day, then by id (ids grow with time). */
    @ReadOnly
    public List<Entry> list(Caller caller, Names.ItemName name, int limit, int offset) {
        UserRow owner = access.readableOwner(caller, name.handle(), name.name());
        PlanItemRow item = items.findById(name.itemId())
                .filter(i -> i.userId() == owner.id() && i.planId() == name.planId())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        boolean hideNotes = owner.id() != caller.userId() && item.notesPrivate();
        return jdbc.prepareStatement(
                "SELECT id, minutes, entry_day, note, create_time FROM time_entry "
                        + "WHERE user_id = ? AND plan_id = ? AND item_id = ? ORDER BY entry_day DESC, id DESC LIMIT ? OFFSET ?",
                ps -> {
                    ps.setLong(1, owner.id());
                    ps.setLong(2, name.planId());
                    ps.setLong(3, name.itemId());
                    ps.setInt(4, limit);
                    ps.setInt(5, offset);
                    List<Entry> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Entry(
                                    rs.getLong(1),
                                    rs.getInt(2),
                                    rs.getInt(3),
                                    hideNotes ? "" : rs.getString(4),
                                    InstantMicros.fromMicros(rs.getLong(5))));
                        }
                    }
                    return out;
                });
    }
}
