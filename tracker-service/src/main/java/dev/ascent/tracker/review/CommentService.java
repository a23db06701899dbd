package dev.ascent.tracker.review;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.Ids;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.grpc.Names;
import dev.ascent.tracker.plan.PlanItemRow;
import dev.ascent.tracker.plan.PlanItems;
import dev.ascent.tracker.plan.PlanRow;
import dev.ascent.tracker.plan.Plans;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A plan item's thread: its owner and their ACTIVE mentors read and write it; everyone else gets NOT_FOUND. */
@Singleton
public class CommentService {

    /** Documented in review_service.proto: comments are 1 to 4000 characters. */
    public static final int MAX_BODY = 4000;

    public record CommentView(
            long id,
            String itemName,
            String authorHandle,
            String authorDisplayName,
            String body,
            Long reviewRequestId,
            Instant createTime) {
        public String name() {
            return itemName + "/comments/" + id;
        }
    }

    private final Plans plans;
    private final PlanItems items;
    private final AccessPolicy access;
    private final ActivityLog activity;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public CommentService(
            Plans plans, PlanItems items, AccessPolicy access, ActivityLog activity, JdbcOperations jdbc, Clock clock) {
        this.plans = plans;
        this.items = items;
        this.access = access;
        this.activity = activity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public CommentView add(Caller caller, Names.ItemName name, String body) {
        UserRow owner = access.readableOwner(caller, name.handle(), name.name());
        PlanRow plan = plans.findByIdForUpdate(name.planId())
                .filter(p -> p.userId() == owner.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        PlanItemRow item = items.findById(name.itemId())
                .filter(i -> i.planId() == plan.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        if (plan.archived()) {
            throw ApiException.failedPrecondition("PLAN_ARCHIVED", "the plan is archived; its threads are read-only");
        }
        Instant now = clock.instant();
        long id = insert(item, caller.userId(), body, null, now);
        activity.record(ActivityLog.Event.of(
                        owner.id(),
                        plan.id(),
                        item.id(),
                        caller.userId(),
                        ActivityType.COMMENT_ADDED,
                        caller.name() + " commented on \"" + item.title() + "\"")
                .withSubject(name.name() + "/comments/" + id));
        return list(caller, name, 1, 0, id).get(0);
    }

    /** Oldest first; {@code onlyId} &gt; 0 reads that one comment. */
    @Connectable
    public List<CommentView> list(Caller caller, Names.ItemName name, int limit, int offset, long onlyId) {
        UserRow owner = access.readableOwner(caller, name.handle(), name.name());
        items.findById(name.itemId())
                .filter(i -> i.planId() == name.planId() && i.userId() == owner.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        return jdbc.prepareStatement(
                "SELECT c.id, u.handle, u.display_name, c.body, c.review_request_id, "
                        + "c.create_time FROM item_comment c JOIN app_user u ON u.id = c.author_id WHERE c.user_id = ? "
                        + "AND c.plan_id = ? AND c.item_id = ?" + (onlyId > 0 ? " AND c.id = ?" : "")
                        + " ORDER BY c.create_time, c.id LIMIT ? OFFSET ?",
                ps -> {
                    int i = 1;
                    ps.setLong(i++, owner.id());
                    ps.setLong(i++, name.planId());
                    ps.setLong(i++, name.itemId());
                    if (onlyId > 0) {
                        ps.setLong(i++, onlyId);
                    }
                    ps.setInt(i++, limit);
                    ps.setInt(i, offset);
                    List<CommentView> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long review = rs.getLong(5);
                            out.add(new CommentView(
                                    rs.getLong(1),
                                    name.name(),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.wasNull() ? null : review,
                                    InstantMicros.fromMicros(rs.getLong(6))));
                        }
                    }
                    return out;
                });
    }

    /**
     * Adds a comment in the caller's transaction, which holds the plan lock (also used for a review decision's
     * comment, and by an import, with the comment's own time).
     */
    public long insert(PlanItemRow item, long authorId, String body, Long reviewRequestId, Instant now) {
        long id = Ids.next(clock);
        jdbc.prepareStatement(
                "INSERT INTO item_comment (id, user_id, plan_id, item_id, author_id, body, "
                        + "review_request_id, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setLong(1, id);
                    ps.setLong(2, item.userId());
                    ps.setLong(3, item.planId());
                    ps.setLong(4, item.id());
                    ps.setLong(5, authorId);
                    ps.setString(6, body);
                    if (reviewRequestId == null) {
                        ps.setNull(7, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(7, reviewRequestId);
                    }
                    ps.setLong(8, InstantMicros.toMicros(now));
                    return ps.executeUpdate();
                });
        return id;
    }
}
