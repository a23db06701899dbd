package dev.ascent.tracker.plan;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.grpc.Names;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * UpdatePlanItem: status, notes, title, description, estimate, due date. A status or estimate change reschedules
 * the plan; moving a mentor-verified item out of DONE withdraws the approval, and only when asked for explicitly.
 */
@Singleton
public class UpdatePlanItem {

    /**
     * Only the fields named in {@code mask} are applied; {@code dueDay} null with "due_date" in the mask unpins.
     * {@code status} is null unless "status" is in the mask; {@code etag} empty means "whatever its version".
     */
    public record Command(
            Set<String> mask,
            ItemStatus status,
            String notes,
            boolean notesPrivate,
            int estimatedMinutes,
            Integer dueDay,
            String title,
            String description,
            String etag,
            boolean allowReopenVerified) {
        public Command {
            mask = Set.copyOf(mask);
            Objects.requireNonNull(etag, "etag");
            if (mask.contains("status") != (status != null)) {
                throw new IllegalArgumentException("a status is given exactly when the mask names it");
            }
        }

        /** Moves the item to {@code status} and changes nothing else, whatever the item's version. */
        public static Command status(ItemStatus status) {
            return new Command(Set.of("status"), status, "", false, 0, null, "", "", "", false);
        }
    }

    private final PlanItemRepository items;
    private final PlanLocks locks;
    private final Rescheduler rescheduler;
    private final ActivityLog activity;
    private final Clock clock;
    private final DoneItems recall;

    public UpdatePlanItem(
            PlanItemRepository items,
            PlanLocks locks,
            Rescheduler rescheduler,
            ActivityLog activity,
            Clock clock,
            DoneItems recall) {
        this.items = items;
        this.locks = locks;
        this.rescheduler = rescheduler;
        this.activity = activity;
        this.clock = clock;
        this.recall = recall;
    }

    @Transactional
    public PlanItemRow update(Caller caller, Names.ItemName name, Command command) {
        PlanLocks.Locked locked = locks.lock(caller, name.plan(), "").requireActive();
        PlanRow plan = locked.plan();
        PlanItemRow item = locked.item(name, command.etag());
        Instant now = clock.instant();
        PlanItemRow.Builder b = item.toBuilder().updateTime(now);
        boolean reschedule = false;
        ItemStatus oldStatus = item.status();
        boolean reopensVerified = false;
        if (command.mask().contains("status") && command.status() != item.status()) {
            if (item.verified() && command.status() != ItemStatus.DONE) {
                // One command must not silently erase a mentor's approval: the caller asks for it explicitly.
                if (!command.allowReopenVerified()) {
                    throw ApiException.failedPrecondition(
                            "ITEM_VERIFIED",
                            name.name() + " was verified by "
                                    + item.verifiedBy() + "; moving it out of DONE withdraws that approval (set "
                                    + "allow_reopen_verified to do so)");
                }
                reopensVerified = true;
            }
            b.status(command.status());
            b.completeTime(command.status() == ItemStatus.DONE ? now : null);
            if (command.status() != ItemStatus.DONE) {
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
                b.duePinned(true).schedule(Scheduler.weekOf(plan.startDay(), command.dueDay()), command.dueDay());
            }
            reschedule = true;
        }
        PlanItemRow updated = items.update(b.build());
        if (oldStatus != ItemStatus.DONE && updated.status() == ItemStatus.DONE) {
            recall.itemDone(updated);
        }
        if (reschedule) {
            List<PlanItemRow> rows = new ArrayList<>(locked.items());
            rows.replaceAll(r -> r.id() == updated.id() ? updated : r);
            rescheduler.reschedule(plan, rows, now);
        }
        locks.touch(plan, now);
        recordStatusChange(caller, plan, item, updated, reopensVerified);
        List<String> other = command.mask().stream()
                .filter(f -> !f.equals("status"))
                .sorted()
                .toList();
        if (!other.isEmpty()) {
            activity.record(ActivityLog.Event.of(
                    plan.userId(),
                    plan.id(),
                    item.id(),
                    caller.userId(),
                    ActivityType.ITEM_UPDATED,
                    "\"" + item.title() + "\": changed " + String.join(", ", other)));
        }
        return items.findById(item.id()).orElseThrow();
    }

    /** A status change is an event of its own, and an engineer action on today's rollup. */
    private void recordStatusChange(
            Caller caller, PlanRow plan, PlanItemRow before, PlanItemRow after, boolean reopensVerified) {
        if (before.status() == after.status()) {
            return;
        }
        String from = before.status().name();
        String to = after.status().name();
        ActivityLog.Event event = reopensVerified
                ? ActivityLog.Event.of(
                        plan.userId(),
                        plan.id(),
                        before.id(),
                        caller.userId(),
                        ActivityType.VERIFIED_ITEM_REOPENED,
                        "Reopened verified \"" + before.title() + "\": " + from + " -> " + to + ", approval by "
                                + before.verifiedBy() + " withdrawn")
                : ActivityLog.Event.of(
                        plan.userId(),
                        plan.id(),
                        before.id(),
                        caller.userId(),
                        ActivityType.STATUS_CHANGED,
                        "\"" + before.title() + "\": " + from + " -> " + to);
        activity.record(event.withStatuses(from, to));
        activity.countDay(plan.userId(), plan.id(), Days.today(clock, plan.timeZone()), 0);
    }
}
