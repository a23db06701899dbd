package dev.ascent.tracker.plan;

import dev.ascent.common.Text;
import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.Ids;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.content.ContentClient;
import dev.ascent.tracker.content.RoleSnapshot;
import dev.ascent.tracker.grpc.Days;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CreatePlan: a plan built from a catalog role and the engineer's skill ratings, its items scheduled week by week.
 * Two steps: {@link #role} asks the content service, then {@link #create} writes in one transaction.
 */
@Singleton
public class CreatePlan {

    /**
     * {@code hoursPerWeek} 0 means "derive from the target date". Days are epoch days; null when not given.
     * {@code title} empty means "Path to {role}".
     */
    public record Command(
            String targetRole,
            String title,
            double hoursPerWeek,
            Integer startDay,
            Integer targetDay,
            Map<String, Integer> ratings,
            String timeZone) {
        public Command {
            Objects.requireNonNull(targetRole, "targetRole");
            Objects.requireNonNull(ratings, "ratings");
            Objects.requireNonNull(timeZone, "timeZone");
            if (hoursPerWeek < 0 || (hoursPerWeek == 0 && targetDay == null)) {
                throw new IllegalArgumentException("hours a week or a target day is required");
            }
        }
    }

    private final PlanRepository plans;
    private final PlanItemRepository items;
    private final AccessPolicy access;
    private final ActivityLog activity;
    private final ContentClient content;
    private final Clock clock;

    public CreatePlan(
            PlanRepository plans,
            PlanItemRepository items,
            AccessPolicy access,
            ActivityLog activity,
            ContentClient content,
            Clock clock) {
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
    public RoleSnapshot role(Caller caller, String parentHandle, Command command) {
        if (!parentHandle.equals(caller.handle())) {
            access.writableOwner(caller, parentHandle, "users/" + parentHandle);
        }
        return content.role(command.targetRole())
                .orElseThrow(
                        () -> ApiException.invalid("target_role", command.targetRole() + " is not in the catalog"));
    }

    @Transactional
    public PlanView create(Caller caller, RoleSnapshot role, Command command) {
        Instant now = clock.instant();
        int today = Days.today(clock, command.timeZone());
        int start = command.startDay() == null ? today : command.startDay();
        RatedSkills.requireKnown(role, command.ratings());
        List<PlanDraft> all = PlanBuilder.build(role, command.ratings());
        // The builder orders by priority, so a role with more material than a plan holds loses its least urgent.
        List<PlanDraft> drafts = all.subList(0, Math.min(all.size(), PlanLimits.MAX_ITEMS));
        long total = drafts.stream().mapToLong(PlanDraft::estimatedMinutes).sum();
        int minutesPerWeek;
        if (command.hoursPerWeek() > 0) {
            minutesPerWeek = (int) Math.round(command.hoursPerWeek() * 60);
        } else {
            double needed = Scheduler.requiredHoursPerWeek(total, start, Math.max(today, start), command.targetDay());
            minutesPerWeek = (int) Math.round(Math.min(PlanLimits.MAX_HOURS_PER_WEEK, Math.max(0.5, needed)) * 60);
        }
        // The role's title is the catalog's (up to 200 characters), so the default title is shortened to fit.
        String roleTitle = Text.fit(role.title(), PlanLimits.MAX_PLAN_TITLE);
        String title = command.title() == null || command.title().isBlank()
                ? Text.fit("Path to " + role.title(), PlanLimits.MAX_PLAN_TITLE)
                : command.title().strip();
        PlanRow plan = plans.save(PlanRow.create(Ids.next(clock), caller.userId(), now)
                .title(title)
                .role(role.name(), roleTitle, role.revision())
                .minutesPerWeek(minutesPerWeek)
                .startDay(start)
                .targetDay(command.targetDay())
                .timeZone(command.timeZone())
                .skillRatings(Ratings.encode(command.ratings()))
                .build());
        List<Scheduler.Assignment> schedule = Scheduler.schedule(
                drafts.stream()
                        .map(d -> new Scheduler.Slot(d.estimatedMinutes(), false))
                        .toList(),
                minutesPerWeek,
                start,
                1);
        List<PlanItemRow> rows = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            PlanDraft d = drafts.get(i);
            Scheduler.Assignment a = schedule.get(i);
            rows.add(PlanItemRow.create(
                            Ids.next(clock),
                            caller.userId(),
                            plan.id(),
                            d.kind().name(),
                            now)
                    .title(d.title())
                    .description(d.description())
                    .source(d.sourceContent(), d.sourceText(), d.sourceName(), d.sourceLine())
                    .estimatedMinutes(d.estimatedMinutes())
                    .schedule(a.week(), a.dueDay())
                    .position(i)
                    .build());
        }
        items.saveAll(rows);
        activity.record(ActivityLog.Event.of(
                caller.userId(),
                plan.id(),
                null,
                caller.userId(),
                ActivityType.PLAN_CREATED,
                "Created plan \"" + title + "\" for " + role.title() + " with " + rows.size() + " items"));
        return new PlanView(plans.findById(plan.id()).orElseThrow(), caller.handle(), rows, today, true);
    }
}
