package dev.ascent.tracker.plan;

import dev.ascent.common.Text;
import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.access.Days;
import dev.ascent.tracker.access.Names;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.Ids;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.content.ContentClient;
import dev.ascent.tracker.content.RoleSnapshot;
import dev.ascent.tracker.recall.RecallCards;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans: creation from a role, reads, edits and rescheduling. Every write locks the plan row first, checks the
 * etag, and records what happened in the activity history in the same transaction.
 */
@Singleton
public class PlanService {

    private final PlanRepository plans;
    private final PlanItemRepository items;
    private final AccessPolicy access;
    private final ActivityLog activity;
    private final ContentClient content;
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final RecallCards recall;

    public PlanService(PlanRepository plans, PlanItemRepository items, AccessPolicy access, ActivityLog activity,
                       ContentClient content, JdbcOperations jdbc, Clock clock, RecallCards recall) {
        this.recall = recall;
        this.jdbc = jdbc;
        this.plans = plans;
        this.items = items;
        this.access = access;
        this.activity = activity;
        this.content = content;
        this.clock = clock;
    }

    /**
     * The role a new plan is built from, asked of the content service. Not transactional, and called with no
     * transaction or connection open (as {@code Idempotency.run}'s prepare step: after the retry check, before the
     * write's transaction), so a slow content service holds no pooled connection or lock.
     */
    public RoleSnapshot role(Caller caller, String parentHandle, PlanCommands.CreatePlan command) {
        if (!parentHandle.equals(caller.handle())) {
            access.writableOwner(caller, parentHandle, "users/" + parentHandle);
        }
        return content.role(command.targetRole()).orElseThrow(() -> ApiException.invalid(
                "target_role", command.targetRole() + " is not in the catalog"));
    }

    @Transactional
    public PlanView create(Caller caller, RoleSnapshot role, PlanCommands.CreatePlan command) {
        Instant now = clock.instant();
        int today = Days.today(clock, command.timeZone());
        int start = command.startDay() == null ? today : command.startDay();
        RatedSkills.requireKnown(role, command.ratings());
        List<PlanDraft> all = PlanBuilder.build(role, command.ratings());
        // The builder orders by priority, so a role with more material than a plan holds loses its least urgent.
        List<PlanDraft> drafts = all.subList(0, Math.min(all.size(), PlanCommands.MAX_ITEMS));
        long total = drafts.stream().mapToLong(PlanDraft::estimatedMinutes).sum();
        int minutesPerWeek;
        if (command.hoursPerWeek() > 0) {
            minutesPerWeek = (int) Math.round(command.hoursPerWeek() * 60);
        } else {
            double needed = Scheduler.requiredHoursPerWeek(total, start, Math.max(today, start),
                    command.targetDay());
            minutesPerWeek = (int) Math.round(Math.min(PlanCommands.MAX_HOURS_PER_WEEK, Math.max(0.5, needed)) * 60);
        }
        // The role's title is the catalog's (up to 200 characters), so the default title is shortened to fit.
        String roleTitle = Text.fit(role.title(), PlanCommands.MAX_PLAN_TITLE);
        String title = command.title() == null || command.title().isBlank()
                ? Text.fit("Path to " + role.title(), PlanCommands.MAX_PLAN_TITLE) : command.title().strip();
        PlanRow plan = plans.save(new PlanRow(Ids.next(clock), caller.userId(), title, role.name(), roleTitle,
                role.revision(), minutesPerWeek, start, command.targetDay(), command.timeZone(),
                Ratings.encode(command.ratings()), false, 0, 0, 1, now, now));
        List<Scheduler.Assignment> schedule = Scheduler.schedule(drafts.stream()
                .map(d -> new Scheduler.Slot(d.estimatedMinutes(), false)).toList(), minutesPerWeek, start, 1);
        List<PlanItemRow> rows = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            PlanDraft d = drafts.get(i);
            Scheduler.Assignment a = schedule.get(i);
            rows.add(new PlanItemRow(Ids.next(clock), caller.userId(), plan.id(), d.kind().name(), d.title(),
                    d.description(), d.sourceContent(), d.sourceText(), d.sourceName(), d.sourceLine(),
                    d.estimatedMinutes(), a.week(), a.dueDay(), false, "TODO", false, "", i, "", false, 0, 1, now,
                    now, null));
        }
        items.saveAll(rows);
        activity.record(ActivityLog.Event.of(caller.userId(), plan.id(), null, caller.userId(),
                ActivityType.PLAN_CREATED, "Created plan \"" + title + "\" for " + role.title() + " with "
                        + rows.size() + " items"));
        return new PlanView(plans.findById(plan.id()).orElseThrow(), caller.handle(), rows, today, true);
    }

    @Connectable
    public PlanView get(Caller caller, Names.PlanName name) {
        UserRow owner = access.readableOwner(caller, name.handle(), name.name());
        PlanRow plan = plans.findById(name.planId()).filter(p -> p.userId() == owner.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        return view(plan, owner, caller, items.findByUserIdAndPlanIdOrderByPosition(plan.userId(), plan.id()));
    }

    @Connectable
    public List<PlanView> list(Caller caller, String handle, boolean showArchived, int limit, int offset) {
        UserRow owner = access.readableOwner(caller, handle, "users/" + handle);
        return plans.listForUser(owner.id(), showArchived, limit, offset).stream()
                .map(p -> view(p, owner, caller, List.of())).toList();
    }

    @Transactional
    public PlanView update(Caller caller, Names.PlanName name, PlanCommands.UpdatePlan command) {
        Locked locked = lock(caller, name, command.etag());
        PlanRow p = locked.plan;
        String title = command.mask().contains("title") ? command.title().strip() : p.title();
        int minutes = command.mask().contains("hours_per_week")
                ? (int) Math.round(command.hoursPerWeek() * 60) : p.minutesPerWeek();
        Integer target = command.mask().contains("target_date") ? command.targetDay() : p.targetDay();
        if (target != null && target <= p.startDay()) {
            throw ApiException.invalid("plan.target_date", "must be after the start date " + Days.format(p.startDay()));
        }
        boolean archived = command.mask().contains("archived") ? command.archived() : p.archived();
        Instant now = clock.instant();
        PlanRow updated = plans.update(new PlanRow(p.id(), p.userId(), title, p.targetRole(), p.roleTitle(),
                p.roleRevision(), minutes, p.startDay(), target, p.timeZone(), p.skillRatings(), archived,
                p.loggedMinutes(), p.lastActivityTime(), p.version() + 1, p.createTime(), now));
        List<PlanItemRow> rows = locked.items;
        if (minutes != p.minutesPerWeek() || !Objects.equals(target, p.targetDay())) {
            rows = reschedule(updated, rows, now);
        }
        activity.record(ActivityLog.Event.of(p.userId(), p.id(), null, caller.userId(), ActivityType.PLAN_UPDATED,
                "Updated the plan: " + String.join(", ", new TreeSet<>(command.mask()))));
        return view(plans.findById(p.id()).orElseThrow(), locked.owner, caller, rows);
    }

    @Transactional
    public void delete(Caller caller, Names.PlanName name, String etag) {
        Locked locked = lock(caller, name, etag);
        long planId = locked.plan.id();
        PlanCleanup.deleteHistory(items, planId, locked.plan.userId(), jdbc, clock.instant());
        plans.deleteById(planId);
        activity.record(ActivityLog.Event.of(locked.plan.userId(), null, null, caller.userId(),
                ActivityType.PLAN_DELETED, "Deleted plan \"" + locked.plan.title() + "\"").withSubject(name.name()));
    }

    @Transactional
    public PlanItemRow addItem(Caller caller, Names.PlanName name, PlanCommands.AddItem command) {
        Locked locked = lock(caller, name, "");
        requireActive(locked.plan);
        Instant now = clock.instant();
        List<PlanItemRow> rows = new ArrayList<>(locked.items);
        if (rows.size() >= PlanCommands.MAX_ITEMS) {
            throw ApiException.failedPrecondition("PLAN_FULL", name.name() + " already has "
                    + PlanCommands.MAX_ITEMS + " items, the most a plan holds");
        }
        int position = command.position() <= 0 || command.position() > rows.size() ? rows.size()
                : command.position() - 1;
        ItemKind kind = command.kind() == null ? ItemKind.CUSTOM : command.kind();
        int minutes = command.estimatedMinutes() == null ? kind.defaultMinutes() : command.estimatedMinutes();
        boolean pinned = command.dueDay() != null;
        PlanItemRow item = new PlanItemRow(Ids.next(clock), locked.plan.userId(), locked.plan.id(), kind.name(),
                command.title().strip(), command.description(), "", "", "", 0, minutes,
                pinned ? Scheduler.weekOf(locked.plan.startDay(), command.dueDay()) : 1,
                pinned ? command.dueDay() : locked.plan.startDay(), pinned, "TODO", false, "", position, "", false,
                0, 1, now, now, null);
        items.save(item);
        rows.add(position, item);
        rows = renumber(rows, now);
        rows = reschedule(locked.plan, rows, now);
        touchPlan(locked.plan, now);
        activity.record(ActivityLog.Event.of(locked.plan.userId(), locked.plan.id(), item.id(), caller.userId(),
                ActivityType.ITEM_ADDED, "Added \"" + item.title() + "\""));
        return rows.stream().filter(r -> r.id() == item.id()).findFirst().orElseThrow();
    }

    @Transactional
    public PlanItemRow updateItem(Caller caller, Names.ItemName name, PlanCommands.UpdateItem command) {
        Locked locked = lock(caller, name.plan(), "");
        requireActive(locked.plan);
        PlanItemRow item = locked.item(name);
        if (!command.etag().isEmpty() && !command.etag().equals(ItemEtags.of(item))) {
            throw ApiException.aborted("STALE_ETAG", name.name() + " changed since etag " + command.etag()
                    + "; read it again and retry");
        }
        Instant now = clock.instant();
        PlanItemRow.Builder b = item.toBuilder().updateTime(now);
        boolean reschedule = false;
        String oldStatus = item.status();
        boolean reopensVerified = false;
        if (command.mask().contains("status") && !command.status().equals(item.status())) {
            if (item.verified() && !command.status().equals("DONE")) {
                // One command must not silently erase a mentor's approval: the caller asks for it explicitly.
                if (!command.allowReopenVerified()) {
                    throw ApiException.failedPrecondition("ITEM_VERIFIED", name.name() + " was verified by "
                            + item.verifiedBy() + "; moving it out of DONE withdraws that approval (set "
                            + "allow_reopen_verified to do so)");
                }
                reopensVerified = true;
            }
            b.status(command.status());
            b.completeTime(command.status().equals("DONE") ? now : null);
            if (!command.status().equals("DONE")) {
                b.verified(false, "");
            }
            reschedule = true;
        }
        if (command.mask().contains("notes")) {
            b.notes(command.notes());
        }
        if (command.mask().contains("notes_private")) {
            b.notesPrivate(command.notesPrivate());
        }
        if (command.mask().contains("title")) {
            b.title(command.title().strip());
        }
        if (command.mask().contains("description")) {
            b.description(command.description());
        }
        if (command.mask().contains("estimated_minutes")) {
            b.estimatedMinutes(command.estimatedMinutes());
            reschedule = true;
        }
        if (command.mask().contains("due_date")) {
            if (command.dueDay() == null) {
                b.duePinned(false);
            } else {
                b.duePinned(true).schedule(Scheduler.weekOf(locked.plan.startDay(), command.dueDay()),
                        command.dueDay());
            }
            reschedule = true;
        }
        PlanItemRow updated = items.update(b.build());
        if (!oldStatus.equals("DONE") && updated.status().equals("DONE")) {
            recall.itemDone(updated);
        }
        if (reschedule) {
            List<PlanItemRow> rows = new ArrayList<>(locked.items);
            rows.replaceAll(r -> r.id() == updated.id() ? updated : r);
            reschedule(locked.plan, rows, now);
        }
        touchPlan(locked.plan, now);
        if (reopensVerified) {
            activity.record(ActivityLog.Event.of(locked.plan.userId(), locked.plan.id(), item.id(), caller.userId(),
                    ActivityType.VERIFIED_ITEM_REOPENED, "Reopened verified \"" + item.title() + "\": "
                            + oldStatus + " -> " + updated.status() + ", approval by " + item.verifiedBy()
                            + " withdrawn").withStatuses(oldStatus, updated.status()));
            activity.countDay(locked.plan.userId(), locked.plan.id(), Days.today(clock, locked.plan.timeZone()), 0);
        } else if (!oldStatus.equals(updated.status())) {
            activity.record(ActivityLog.Event.of(locked.plan.userId(), locked.plan.id(), item.id(), caller.userId(),
                    ActivityType.STATUS_CHANGED, "\"" + item.title() + "\": " + oldStatus + " -> " + updated.status())
                    .withStatuses(oldStatus, updated.status()));
            activity.countDay(locked.plan.userId(), locked.plan.id(), Days.today(clock, locked.plan.timeZone()), 0);
        }
        List<String> other = command.mask().stream().filter(f -> !f.equals("status")).sorted().toList();
        if (!other.isEmpty()) {
            activity.record(ActivityLog.Event.of(locked.plan.userId(), locked.plan.id(), item.id(), caller.userId(),
                    ActivityType.ITEM_UPDATED, "\"" + item.title() + "\": changed " + String.join(", ", other)));
        }
        return items.findById(item.id()).orElseThrow();
    }

    public record Logged(long entryId, int minutes, int day, String note, Instant createTime, PlanItemRow item) {
    }

    @Transactional
    public Logged logTime(Caller caller, Names.ItemName name, PlanCommands.LogTime command) {
        Locked locked = lock(caller, name.plan(), "");
        requireActive(locked.plan);
        PlanItemRow item = locked.item(name);
        int today = Days.today(clock, locked.plan.timeZone());
        int day = command.day() == null ? today : command.day();
        if (day > today) {
            throw ApiException.invalid("day", "must not be in the future (today is " + Days.format(today) + ")");
        }
        if (day < locked.plan.startDay()) {
            throw ApiException.invalid("day", "must not be before the plan's start date "
                    + Days.format(locked.plan.startDay()));
        }
        // Read after the plan's lock at READ COMMITTED: every earlier writer's entries are in the sum, and no
        // writer of this plan can add one until this transaction ends.
        int logged = TimeEntries.minutesOn(jdbc, item, day);
        if (logged + command.minutes() > PlanCommands.MAX_MINUTES_PER_ITEM_DAY) {
            throw ApiException.failedPrecondition("DAILY_MINUTES_EXCEEDED", "minutes: " + name.name() + " has "
                    + logged + " minutes logged on " + Days.format(day) + "; an item takes at most "
                    + PlanCommands.MAX_MINUTES_PER_ITEM_DAY + " minutes a day, so at most "
                    + (PlanCommands.MAX_MINUTES_PER_ITEM_DAY - logged) + " more fit");
        }
        Instant now = clock.instant();
        PlanItemRow.Builder b = item.toBuilder().loggedMinutes(item.loggedMinutes() + command.minutes())
                .updateTime(now);
        boolean started = item.status().equals("TODO");
        if (started) {
            b.status("IN_PROGRESS");
        }
        PlanItemRow updated = items.update(b.build());
        long entryId = Ids.next(clock);
        TimeEntries.insert(jdbc, entryId, item, command.minutes(), day, command.note(), now);
        plans.addLoggedMinutes(locked.plan.id(), command.minutes());
        touchPlan(locked.plan, now);
        activity.countDay(locked.plan.userId(), locked.plan.id(), day, command.minutes());
        activity.record(ActivityLog.Event.of(locked.plan.userId(), locked.plan.id(), item.id(), caller.userId(),
                ActivityType.TIME_LOGGED, "Logged " + command.minutes() + " min on \"" + item.title() + "\"")
                .withMinutes(command.minutes(), day));
        if (started) {
            activity.record(ActivityLog.Event.of(locked.plan.userId(), locked.plan.id(), item.id(), caller.userId(),
                    ActivityType.STATUS_CHANGED, "\"" + item.title() + "\": TODO -> IN_PROGRESS")
                    .withStatuses("TODO", "IN_PROGRESS"));
        }
        return new Logged(entryId, command.minutes(), day, command.note(), now, updated);
    }

    @Transactional
    public PlanView reorder(Caller caller, Names.PlanName name, PlanCommands.Reorder command) {
        Locked locked = lock(caller, name, command.etag());
        requireActive(locked.plan);
        Map<Long, PlanItemRow> byId = new TreeMap<>();
        locked.items.forEach(i -> byId.put(i.id(), i));
        if (command.itemIds().size() != byId.size() || !byId.keySet().containsAll(command.itemIds())
                || new HashSet<>(command.itemIds()).size() != byId.size()) {
            throw ApiException.invalid("item_names", "must name every item of the plan exactly once ("
                    + byId.size() + " items)");
        }
        Instant now = clock.instant();
        List<PlanItemRow> ordered = new ArrayList<>();
        command.itemIds().forEach(id -> ordered.add(byId.get(id)));
        List<PlanItemRow> rows = reschedule(locked.plan, renumber(ordered, now), now);
        touchPlan(locked.plan, now);
        activity.record(ActivityLog.Event.of(locked.plan.userId(), locked.plan.id(), null, caller.userId(),
                ActivityType.ITEMS_REORDERED, "Reordered " + rows.size() + " items"));
        return view(plans.findById(locked.plan.id()).orElseThrow(), locked.owner, caller, rows);
    }

    /**
     * Reschedules the plan's open, unpinned items after a change made outside this class (a review decision moving
     * an item's status), as {@link #updateItem} does for its own status changes, and moves the plan's etag. Runs in
     * the caller's transaction, which must already hold the plan's lock.
     */
    public void rescheduleOpenItems(long planId) {
        PlanRow plan = plans.findById(planId).orElseThrow();
        Instant now = clock.instant();
        reschedule(plan, items.findByUserIdAndPlanIdOrderByPosition(plan.userId(), planId), now);
        touchPlan(plan, now);
    }

    // ---- helpers ----

    private record Locked(UserRow owner, PlanRow plan, List<PlanItemRow> items) {
        PlanItemRow item(Names.ItemName name) {
            return items.stream().filter(i -> i.id() == name.itemId()).findFirst()
                    .orElseThrow(() -> ApiException.notFound(name.name()));
        }
    }

    private Locked lock(Caller caller, Names.PlanName name, String etag) {
        UserRow owner = access.writableOwner(caller, name.handle(), name.name());
        PlanRow plan = plans.findByIdForUpdate(name.planId()).filter(p -> p.userId() == owner.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        if (etag != null && !etag.isEmpty() && !etag.equals(PlanEtags.of(plan))) {
            throw ApiException.aborted("STALE_ETAG", name.name() + " changed since etag " + etag
                    + "; read it again and retry");
        }
        return new Locked(owner, plan, items.findByUserIdAndPlanIdOrderByPosition(plan.userId(), plan.id()));
    }

    private static void requireActive(PlanRow plan) {
        if (plan.archived()) {
            throw ApiException.failedPrecondition("PLAN_ARCHIVED", "the plan is archived; unarchive it to change it");
        }
    }

    /** Moves the plan's version (its etag) once per write, in SQL, so no other column is written back. */
    private void touchPlan(PlanRow plan, Instant now) {
        plans.touch(plan.id(), InstantMicros.toMicros(now));
    }

    private List<PlanItemRow> renumber(List<PlanItemRow> rows, Instant now) {
        List<PlanItemRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PlanItemRow r = rows.get(i);
            out.add(r.position() == i ? r : items.update(r.toBuilder().position(i).updateTime(now).build()));
        }
        return out;
    }

    /** Reschedules the open, unpinned items from the current plan week on. */
    private List<PlanItemRow> reschedule(PlanRow plan, List<PlanItemRow> rows, Instant now) {
        int fromWeek = Scheduler.weekOf(plan.startDay(), Days.today(clock, plan.timeZone()));
        List<Scheduler.Assignment> schedule = Scheduler.schedule(rows.stream()
                .map(r -> new Scheduler.Slot(r.estimatedMinutes(), !r.open() || r.duePinned())).toList(),
                plan.minutesPerWeek(), plan.startDay(), fromWeek);
        List<PlanItemRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PlanItemRow r = rows.get(i);
            Scheduler.Assignment a = schedule.get(i);
            if (a == null || (a.week() == r.week() && a.dueDay() == r.dueDay())) {
                out.add(r);
            } else {
                out.add(items.update(r.toBuilder().schedule(a.week(), a.dueDay()).updateTime(now).build()));
            }
        }
        return out;
    }

    private PlanView view(PlanRow plan, UserRow owner, Caller caller, List<PlanItemRow> rows) {
        return new PlanView(plan, owner.handle(), rows, Days.today(clock, plan.timeZone()),
                owner.id() == caller.userId());
    }
}
