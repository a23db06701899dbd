package dev.ascent.tracker.practice;

import dev.ascent.common.db.BoundedCount;
import dev.ascent.common.db.BoundedCount.Counted;
import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of sessions and stats, by the owner or an active mentor; NOT_FOUND for anyone else. Each read first
 * expires overdue sessions (committed on its own), then reads in a fresh transaction so it sees that change.
 */
@Singleton
public class PracticeReads {

    private final PracticeSessionRepository sessions;
    private final PracticeStepRepository steps;
    private final AccessPolicy access;
    private final PracticeExpiry expiry;
    private final PracticeRollupStore rollups;

    public PracticeReads(
            PracticeSessionRepository sessions,
            PracticeStepRepository steps,
            AccessPolicy access,
            PracticeExpiry expiry,
            PracticeRollupStore rollups) {
        this.sessions = sessions;
        this.steps = steps;
        this.access = access;
        this.expiry = expiry;
        this.rollups = rollups;
    }

    public PracticeView get(Caller caller, PracticeNames.SessionName name) {
        UserRow owner = readable(caller, name.handle(), name.name());
        return read(owner, name);
    }

    public Counted<PracticeView> list(
            Caller caller, String handle, PracticeCommands.ListFilter filter, int limit, int offset) {
        UserRow owner = readable(caller, handle, "users/" + handle);
        return new Counted<>(page(owner, filter, limit, offset), count(owner, filter));
    }

    public PracticeStatsCalculator.Stats stats(Caller caller, String handle, String source) {
        UserRow owner = readable(caller, handle, "users/" + handle);
        return compute(owner, source);
    }

    private UserRow readable(Caller caller, String handle, String resourceName) {
        UserRow owner = access.readableOwner(caller, handle, resourceName);
        expiry.expireOverdue(owner.id(), owner.handle());
        return owner;
    }

    @Connectable
    PracticeView read(UserRow owner, PracticeNames.SessionName name) {
        PracticeSessionRow session = sessions.findById(name.sessionId())
                .filter(s -> s.userId() == owner.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        return new PracticeView(session, steps.findBySessionIdOrderByPosition(session.id()), owner.handle());
    }

    @Connectable
    int count(UserRow owner, PracticeCommands.ListFilter filter) {
        return (int) sessions.countForUser(
                owner.id(), filter.source(), filter.planItemId(), filter.state(), BoundedCount.MAX);
    }

    @Connectable
    List<PracticeView> page(UserRow owner, PracticeCommands.ListFilter filter, int limit, int offset) {
        List<PracticeSessionRow> rows =
                sessions.listForUser(owner.id(), filter.source(), filter.planItemId(), filter.state(), limit, offset);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PracticeStepRow>> bySession = new LinkedHashMap<>();
        rows.forEach(r -> bySession.put(r.id(), new ArrayList<>()));
        steps.findBySessionIdIn(bySession.keySet()).stream()
                .sorted(Comparator.comparingInt(PracticeStepRow::position))
                .forEach(s -> bySession.get(s.sessionId()).add(s));
        return rows.stream()
                .map(r -> new PracticeView(r, bySession.get(r.id()), owner.handle()))
                .toList();
    }

    /** Three queries (source rollups, step rollups, the trends), however many sessions the owner has. */
    @Connectable
    PracticeStatsCalculator.Stats compute(UserRow owner, String source) {
        PracticeRollups.All all = rollups.read(owner.id(), source);
        List<String> sources =
                all.sources().stream().map(PracticeRollups.Source::source).toList();
        return PracticeStatsCalculator.fromRollups(
                all, rollups.trends(owner.id(), sources, PracticeStatsCalculator.TREND_POINTS));
    }
}
