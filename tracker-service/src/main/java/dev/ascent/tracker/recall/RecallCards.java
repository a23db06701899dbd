package dev.ascent.tracker.recall;

import dev.ascent.tracker.account.Ids;
import dev.ascent.tracker.plan.DoneItems;
import dev.ascent.tracker.plan.PlanItemRow;
import dev.ascent.tracker.practice.PracticeSessionRow;
import dev.ascent.tracker.practice.PracticeStepRow;
import dev.ascent.tracker.practice.UncheckedSteps;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Cards made by other features' writes, in their transaction (under their plan or session lock): one per DONE plan
 * item and one per practice step left unchecked at completion. A source makes at most one card, ever: an item
 * done, reopened and done again keeps its card and schedule, and a deleted card is not made again.
 */
@Singleton
public class RecallCards implements DoneItems, UncheckedSteps {

    private final RecallStore store;
    private final Clock clock;

    public RecallCards(RecallStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Front: the item's title; back: the content text copied into it (its description when it has none). */
    @Override
    public void itemDone(PlanItemRow item) {
        String back = item.sourceText().isBlank() ? item.description() : item.sourceText();
        store.insertIfAbsent(new RecallStore.NewCard(
                Ids.next(clock),
                item.userId(),
                RecallCardRow.PLAN_ITEM,
                "item:" + item.id(),
                "plans/" + item.planId() + "/items/" + item.id(),
                item.planId(),
                item.title(),
                back,
                clock.instant()));
    }

    /** Front: the session's title and the step's; back: the step's text. */
    @Override
    public void stepsLeftUnchecked(PracticeSessionRow session, List<PracticeStepRow> steps) {
        for (PracticeStepRow step : steps) {
            if (!step.checked()) {
                store.insertIfAbsent(new RecallStore.NewCard(
                        Ids.next(clock),
                        session.userId(),
                        RecallCardRow.PRACTICE_STEP,
                        "step:" + step.id(),
                        "practiceSessions/" + session.id() + "/steps/" + step.position(),
                        session.planId(),
                        session.title() + ": " + step.title(),
                        step.body(),
                        clock.instant()));
            }
        }
    }
}
