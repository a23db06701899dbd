package dev.ascent.tracker.export;

import dev.ascent.common.Text;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.Ids;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.plan.ImportedPlans;
import dev.ascent.tracker.plan.PlanItemRow;
import dev.ascent.tracker.plan.PlanLimits;
import dev.ascent.tracker.plan.PlanRow;
import dev.ascent.tracker.plan.PlanView;
import dev.ascent.tracker.plan.Plans;
import dev.ascent.tracker.plan.Ratings;
import dev.ascent.tracker.plan.Scheduler;
import dev.ascent.tracker.plan.TimeEntries;
import dev.ascent.tracker.practice.ImportedSessions;
import dev.ascent.tracker.practice.PracticeRollupStore;
import dev.ascent.tracker.practice.PracticeRollups;
import dev.ascent.tracker.practice.PracticeSessionRow;
import dev.ascent.tracker.practice.PracticeStepRow;
import dev.ascent.tracker.recall.RecallCardRow;
import dev.ascent.tracker.recall.RecallSettingsRow;
import dev.ascent.tracker.recall.RecallStore;
import dev.ascent.tracker.review.CommentService;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a checked export as a new plan of the caller, in one transaction. Every row is new (new ids), so the only
 * shared rows it touches are the caller's practice rollups, which it adds to last, one source at a time in source
 * order, as every practice write does (docs/ARCHITECTURE.md).
 */
@Singleton
public class PlanImporter {

    /** The new plan and how much came with it. */
    public record Imported(PlanView plan, int entries, int comments, int sessions, int cards) {}

    private final AccessPolicy access;
    private final Plans plans;
    private final ImportedPlans planRows;
    private final ImportedSessions practiceRows;
    private final PracticeRollupStore rollups;
    private final RecallStore recall;
    private final CommentService comments;
    private final ActivityLog activity;
    private final Clock clock;

    public PlanImporter(
            AccessPolicy access,
            Plans plans,
            ImportedPlans planRows,
            ImportedSessions practiceRows,
            PracticeRollupStore rollups,
            RecallStore recall,
            CommentService comments,
            ActivityLog activity,
            Clock clock) {
        this.access = access;
        this.plans = plans;
        this.planRows = planRows;
        this.practiceRows = practiceRows;
        this.rollups = rollups;
        this.recall = recall;
        this.comments = comments;
        this.activity = activity;
        this.clock = clock;
    }

    @Transactional
    public Imported importPlan(Caller caller, String handle, ImportCommand c) {
        UserRow owner = access.writableOwner(caller, handle, "users/" + handle);
        Instant now = clock.instant();
        long userId = owner.id();
        ImportCommand.Plan p = c.plan();
        long loggedTotal =
                c.entries().stream().mapToLong(ImportCommand.Entry::minutes).sum();
        PlanRow plan = PlanRow.create(Ids.next(clock), userId, now)
                .title(p.title())
                .role(p.targetRole(), Text.fit(p.roleTitle(), PlanLimits.MAX_PLAN_TITLE), p.roleRevision())
                .minutesPerWeek(p.minutesPerWeek())
                .startDay(p.startDay())
                .targetDay(p.targetDay())
                .timeZone(p.timeZone())
                .skillRatings(Ratings.encode(p.ratings()))
                .archived(p.archived())
                .loggedMinutes(loggedTotal)
                .build();
        long[] logged = new long[c.items().size()];
        c.entries().forEach(e -> logged[e.item()] += e.minutes());
        List<PlanItemRow> itemRows = new ArrayList<>();
        for (int i = 0; i < c.items().size(); i++) {
            ImportCommand.Item it = c.items().get(i);
            itemRows.add(PlanItemRow.create(Ids.next(clock), userId, plan.id(), it.kind(), now)
                    .title(it.title())
                    .description(it.description())
                    .source(it.sourceContent(), it.sourceText(), it.sourceName(), it.sourceLine())
                    .estimatedMinutes(it.estimatedMinutes())
                    .schedule(Math.max(1, Scheduler.weekOf(p.startDay(), it.dueDay())), it.dueDay())
                    .duePinned(it.duePinned())
                    .status(it.status())
                    .position(i)
                    .notes(it.notes())
                    .notesPrivate(it.notesPrivate())
                    .loggedMinutes(logged[i])
                    .completeTime(it.completeTime())
                    .build());
        }
        planRows.save(plan, itemRows);
        Map<Integer, long[]> days = new TreeMap<>();
        List<TimeEntries.NewEntry> entries = new ArrayList<>();
        for (ImportCommand.Entry e : c.entries()) {
            entries.add(new TimeEntries.NewEntry(
                    Ids.next(clock), itemRows.get(e.item()), e.minutes(), e.day(), e.note(), e.createTime()));
            long[] sums = days.computeIfAbsent(e.day(), d -> new long[2]);
            sums[0] += e.minutes();
            sums[1]++;
        }
        planRows.timeEntries(entries);
        activity.importDays(userId, plan.id(), days);
        for (ImportCommand.Comment cm : c.comments()) {
            comments.insert(
                    itemRows.get(cm.item()),
                    caller.userId(),
                    commentBody(cm, caller.handle(), p.timeZone()),
                    null,
                    cm.createTime());
        }
        List<PracticeSessionRow> sessionRows = new ArrayList<>();
        List<List<PracticeStepRow>> stepRows = new ArrayList<>();
        for (ImportCommand.Session s : c.sessions()) {
            PracticeSessionRow row = session(s, userId, plan.id(), itemRows, now);
            List<PracticeStepRow> own = new ArrayList<>();
            for (int j = 0; j < s.steps().size(); j++) {
                ImportCommand.Step st = s.steps().get(j);
                own.add(new PracticeStepRow(
                        Ids.next(clock),
                        userId,
                        row.id(),
                        j + 1,
                        st.sourceStep(),
                        st.phase(),
                        st.title(),
                        st.body(),
                        st.checked(),
                        st.notes(),
                        0));
            }
            practiceRows.save(row, own);
            sessionRows.add(row);
            stepRows.add(own);
        }
        List<Long> cardIds = cards(c, userId, plan.id(), itemRows, sessionRows, stepRows, now);
        reviews(c, userId, cardIds);
        activity.record(ActivityLog.Event.of(
                userId,
                plan.id(),
                null,
                caller.userId(),
                ActivityType.PLAN_IMPORTED,
                "Imported plan \"" + p.title() + "\" with " + itemRows.size() + " items, "
                        + c.entries().size()
                        + " time entries, " + c.sessions().size() + " practice sessions and " + cardIds.size()
                        + " recall cards"));
        addRollups(userId, sessionRows, stepRows);
        return new Imported(
                new PlanView(
                        plans.findById(plan.id()).orElseThrow(),
                        owner.handle(),
                        itemRows,
                        Days.today(clock, p.timeZone()),
                        true),
                c.entries().size(),
                c.comments().size(),
                sessionRows.size(),
                cardIds.size());
    }

    /** The caller's own words stay theirs; anyone else's arrive as the caller's comment quoting them. */
    private static String commentBody(ImportCommand.Comment cm, String callerHandle, String zone) {
        if (cm.authorHandle().equals(callerHandle)) {
            return cm.body();
        }
        String who = cm.authorName().isBlank()
                ? "users/" + cm.authorHandle()
                : cm.authorName() + " (users/" + cm.authorHandle() + ")";
        String quoted =
                "From " + who + ", " + LocalDate.ofInstant(cm.createTime(), ZoneId.of(zone)) + ":\n" + cm.body();
        return Text.fit(quoted, PlanLimits.MAX_NOTES);
    }

    private PracticeSessionRow session(
            ImportCommand.Session s, long userId, long planId, List<PlanItemRow> itemRows, Instant now) {
        // A time box cannot be resumed in another account: an ACTIVE session ends at its deadline.
        boolean active = s.state().equals(PracticeSessionRow.ACTIVE);
        String state = active ? PracticeSessionRow.ABANDONED : s.state();
        Instant end = active ? s.deadline() : s.end();
        int checked =
                (int) s.steps().stream().filter(ImportCommand.Step::checked).count();
        Long itemId = s.item() == null ? null : itemRows.get(s.item()).id();
        return PracticeSessionRow.create(Ids.next(clock), userId, s.source(), s.start(), now)
                .text(s.title(), s.scenario())
                .timeBox(s.timeBoxMinutes(), s.deadline())
                .ended(state, end)
                .steps(s.steps().size(), checked)
                .selfRating(s.selfRating())
                .notes(s.notes())
                .planItem(itemId == null ? null : planId, itemId)
                .build();
    }

    private List<Long> cards(
            ImportCommand c,
            long userId,
            long planId,
            List<PlanItemRow> itemRows,
            List<PracticeSessionRow> sessionRows,
            List<List<PracticeStepRow>> stepRows,
            Instant now) {
        List<Long> ids = new ArrayList<>();
        for (ImportCommand.Card card : c.cards()) {
            long id = Ids.next(clock);
            String origin;
            String key;
            String source;
            if (card.item() != null) {
                PlanItemRow item = itemRows.get(card.item());
                origin = RecallCardRow.PLAN_ITEM;
                key = "item:" + item.id();
                source = "plans/" + planId + "/items/" + item.id();
            } else {
                PracticeSessionRow s = sessionRows.get(card.session());
                PracticeStepRow step = stepRows.get(card.session()).get(card.stepPosition() - 1);
                origin = RecallCardRow.PRACTICE_STEP;
                key = "step:" + step.id();
                source = "practiceSessions/" + s.id() + "/steps/" + step.position();
            }
            recall.insertImported(
                    new RecallCardRow(
                            id,
                            userId,
                            origin,
                            source,
                            planId,
                            card.front(),
                            card.back(),
                            card.state(),
                            card.step(),
                            card.stability(),
                            card.difficulty(),
                            card.suspended(),
                            card.due(),
                            card.lastReview(),
                            card.reps(),
                            card.lapses(),
                            1,
                            card.createTime()),
                    key,
                    now);
            ids.add(id);
        }
        return ids;
    }

    private void reviews(ImportCommand c, long userId, List<Long> cardIds) {
        if (c.reviews().isEmpty()) {
            return;
        }
        ZoneId zone = ZoneId.of(
                recall.settings(userId).orElse(RecallSettingsRow.DEFAULTS).timeZone());
        for (ImportCommand.Review r : c.reviews()) {
            recall.insertLogged(new RecallStore.LoggedReview(
                    Ids.next(clock),
                    userId,
                    cardIds.get(r.card()),
                    r.rating(),
                    r.stateBefore(),
                    r.elapsedDays(),
                    r.stability(),
                    r.difficulty(),
                    r.due(),
                    r.reviewTime(),
                    (int) LocalDate.ofInstant(r.reviewTime(), zone).toEpochDay()));
        }
    }

    /** Last, as in every practice write: one source at a time in source order, its steps after it. */
    private void addRollups(long userId, List<PracticeSessionRow> sessionRows, List<List<PracticeStepRow>> stepRows) {
        PracticeRollups.All all = PracticeRollups.of(
                sessionRows, stepRows.stream().flatMap(List::stream).toList());
        List<PracticeRollups.Source> sources = new ArrayList<>(all.sources());
        sources.sort(Comparator.comparing(PracticeRollups.Source::source));
        for (PracticeRollups.Source source : sources) {
            rollups.add(userId, source);
            rollups.add(
                    userId,
                    all.steps().stream()
                            .filter(s -> s.source().equals(source.source()))
                            .toList());
        }
    }
}
