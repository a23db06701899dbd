package dev.ascent.tracker.export;

import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.grpc.Names;
import dev.ascent.tracker.plan.PlanItems;
import dev.ascent.tracker.plan.PlanRow;
import dev.ascent.tracker.plan.PlanView;
import dev.ascent.tracker.plan.Plans;
import dev.ascent.tracker.practice.PracticeSessionRow;
import dev.ascent.tracker.practice.PracticeSessions;
import dev.ascent.tracker.practice.PracticeStepRow;
import dev.ascent.tracker.practice.PracticeSteps;
import dev.ascent.tracker.practice.PracticeView;
import dev.ascent.tracker.recall.RecallCardRow;
import dev.ascent.tracker.recall.RecallStore;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads everything a plan holds for an export. The plan's row is locked while it reads, as every write to the plan,
 * its items, time entries and comments locks it first: the export is one consistent state of them.
 */
@Singleton
public class PlanExporter {

    /** A plan's data as stored, ready for {@link ExportProtoMapper}. */
    public record Exported(
            PlanView plan,
            List<ExportReads.Entry> entries,
            List<ExportReads.Comment> comments,
            List<PracticeView> sessions,
            List<RecallCardRow> cards,
            List<ExportReads.Review> reviews,
            Instant time) {}

    private final AccessPolicy access;
    private final Plans plans;
    private final PlanItems items;
    private final PracticeSessions sessions;
    private final PracticeSteps steps;
    private final RecallStore cards;
    private final ExportReads reads;
    private final Clock clock;

    public PlanExporter(
            AccessPolicy access,
            Plans plans,
            PlanItems items,
            PracticeSessions sessions,
            PracticeSteps steps,
            RecallStore cards,
            ExportReads reads,
            Clock clock) {
        this.access = access;
        this.plans = plans;
        this.items = items;
        this.sessions = sessions;
        this.steps = steps;
        this.cards = cards;
        this.reads = reads;
        this.clock = clock;
    }

    @Transactional
    public Exported export(Caller caller, Names.PlanName name) {
        UserRow owner = access.readableOwner(caller, name.handle(), name.name());
        if (owner.id() != caller.userId()) {
            throw ApiException.permissionDenied(
                    "only " + owner.name() + " exports their plans; mentors read them " + "with GetPlan");
        }
        PlanRow plan = plans.findByIdForUpdate(name.planId())
                .filter(p -> p.userId() == owner.id())
                .orElseThrow(() -> ApiException.notFound(name.name()));
        PlanView view = new PlanView(
                plan,
                owner.handle(),
                items.findByUserIdAndPlanIdOrderByPosition(plan.userId(), plan.id()),
                Days.today(clock, plan.timeZone()),
                true);
        List<PracticeSessionRow> linked = sessions.forPlan(owner.id(), plan.id());
        Map<Long, List<PracticeStepRow>> stepsBySession = linked.isEmpty()
                ? Map.of()
                : steps
                        .findBySessionIdIn(
                                linked.stream().map(PracticeSessionRow::id).toList())
                        .stream()
                        .collect(Collectors.groupingBy(PracticeStepRow::sessionId));
        List<PracticeView> practice = new ArrayList<>();
        for (PracticeSessionRow s : linked) {
            List<PracticeStepRow> own = new ArrayList<>(stepsBySession.getOrDefault(s.id(), List.of()));
            own.sort(Comparator.comparingInt(PracticeStepRow::position));
            practice.add(new PracticeView(s, own, owner.handle()));
        }
        return new Exported(
                view,
                reads.entries(owner.id(), plan.id()),
                reads.comments(owner.id(), plan.id()),
                practice,
                cards.forPlan(owner.id(), plan.id()),
                reads.reviews(owner.id(), plan.id()),
                clock.instant());
    }
}
