package dev.ascent.tracker.export;

import dev.ascent.common.error.Validator;
import dev.ascent.proto.tracker.v1.PlanExport;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.PracticeSessionState;
import dev.ascent.proto.tracker.v1.PracticeStep;
import dev.ascent.proto.tracker.v1.RecallCard;
import dev.ascent.proto.tracker.v1.RecallCardOrigin;
import dev.ascent.proto.tracker.v1.RecallCardState;
import dev.ascent.proto.tracker.v1.RecallRating;
import dev.ascent.proto.tracker.v1.RecallReviewRecord;
import dev.ascent.tracker.plan.PlanLimits;
import dev.ascent.tracker.practice.PracticeCommands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The practice sessions, recall cards and review log of an ImportPlan request (see {@link ImportRequests}). */
final class ImportPracticeRequests {

    static final int MAX_SESSIONS = 500;
    static final int MAX_STEPS = 100;
    static final int MAX_CARDS = 5_000;
    static final int MAX_REVIEWS = 50_000;
    /** FSRS stability is in days; a hundred years is far past any schedule. */
    private static final double MAX_STABILITY = 36_500;

    private static final Pattern SOURCE =
            Pattern.compile("(designPrompts/[a-z0-9]+(-[a-z0-9]+)*|checklists/[A-Za-z0-9._-]+)");
    private static final Pattern STEP = Pattern.compile("(.+)/steps/(\\d{1,4})");
    private static final String P = ImportRequests.PREFIX;

    private final ImportFields f;
    private final Map<String, Integer> items;
    private final Map<String, Integer> sessionIndex = new HashMap<>();
    private final List<Integer> stepCounts = new ArrayList<>();
    private final Map<String, Integer> cardIndex = new HashMap<>();
    private final java.util.Set<String> cardSources = new java.util.HashSet<>();

    ImportPracticeRequests(ImportFields f, Map<String, Integer> items) {
        this.f = f;
        this.items = items;
    }

    static void checkCounts(PlanExport e) {
        Validator.maxCount(e.getPracticeSessionsCount(), MAX_SESSIONS, P + "practice_sessions", "sessions");
        for (int i = 0; i < e.getPracticeSessionsCount(); i++) {
            Validator.maxCount(
                    e.getPracticeSessions(i).getStepsCount(),
                    MAX_STEPS,
                    P + "practice_sessions[" + i + "].steps",
                    "steps");
        }
        Validator.maxCount(e.getRecallCardsCount(), MAX_CARDS, P + "recall_cards", "cards");
        Validator.maxCount(e.getRecallReviewsCount(), MAX_REVIEWS, P + "recall_reviews", "reviews");
    }

    List<ImportCommand.Session> sessions(PlanExport e) {
        List<ImportCommand.Session> out = new ArrayList<>();
        for (int i = 0; i < e.getPracticeSessionsCount(); i++) {
            PracticeSession s = e.getPracticeSessions(i);
            String field = P + "practice_sessions[" + i + "]";
            f.check(
                    !s.getName().isEmpty() && sessionIndex.putIfAbsent(s.getName(), i) == null,
                    field + ".name",
                    "names a session twice (or is empty)");
            stepCounts.add(s.getStepsCount());
            out.add(session(s, field));
        }
        return out;
    }

    private ImportCommand.Session session(PracticeSession s, String field) {
        f.check(
                SOURCE.matcher(s.getSource()).matches() && s.getSource().length() <= 130,
                field + ".source",
                "must look like designPrompts/{slug} or checklists/{id}");
        f.requiredText(s.getTitle(), PlanLimits.MAX_TITLE, field + ".title");
        f.text(s.getScenario(), ImportFields.MEDIUM_TEXT, field + ".scenario");
        boolean known = s.getState() != PracticeSessionState.PRACTICE_SESSION_STATE_UNSPECIFIED
                && s.getState() != PracticeSessionState.UNRECOGNIZED;
        f.check(known, field + ".state", "must be ACTIVE, COMPLETED, ABANDONED or EXPIRED");
        String state = known ? s.getState().name().substring("PRACTICE_SESSION_STATE_".length()) : "ABANDONED";
        f.v.range(
                s.getTimeBoxMinutes(),
                PracticeCommands.MIN_TIME_BOX,
                PracticeCommands.MAX_TIME_BOX,
                field + ".time_box_minutes");
        var start = f.instant(s.hasStartTime(), s.getStartTime(), field + ".start_time");
        var deadline = f.instant(s.hasDeadlineTime(), s.getDeadlineTime(), field + ".deadline_time");
        var end = state.equals("ACTIVE") ? null : f.instant(s.hasEndTime(), s.getEndTime(), field + ".end_time");
        f.check(
                start == null || end == null || !end.isBefore(start),
                field + ".end_time",
                "must not be before start_time");
        f.check(
                start == null || deadline == null || !deadline.isBefore(start),
                field + ".deadline_time",
                "must not be before start_time");
        boolean completed = state.equals("COMPLETED");
        f.check(
                completed ? s.getSelfRating() >= 1 && s.getSelfRating() <= 5 : s.getSelfRating() == 0,
                field + ".self_rating",
                completed ? "must be 1 to 5" : "must be 0 unless COMPLETED");
        f.text(s.getNotes(), PlanLimits.MAX_NOTES, field + ".notes");
        Integer item = null;
        if (!s.getPlanItem().isEmpty()) {
            item = items.get(s.getPlanItem());
            f.check(item != null, field + ".plan_item", "must name one of export.plan.items");
        }
        List<ImportCommand.Step> steps = new ArrayList<>();
        for (int j = 0; j < s.getStepsCount(); j++) {
            PracticeStep step = s.getSteps(j);
            String at = field + ".steps[" + j + "]";
            f.text(step.getSourceStep(), 200, at + ".source_step");
            f.text(step.getPhase(), 32, at + ".phase");
            f.requiredText(step.getTitle(), PlanLimits.MAX_TITLE, at + ".title");
            f.text(step.getText(), ImportFields.MEDIUM_TEXT, at + ".text");
            f.text(step.getNotes(), PlanLimits.MAX_NOTES, at + ".notes");
            steps.add(new ImportCommand.Step(
                    step.getSourceStep(),
                    step.getPhase(),
                    step.getTitle(),
                    step.getText(),
                    step.getChecked(),
                    step.getNotes()));
        }
        return new ImportCommand.Session(
                s.getSource(),
                s.getTitle(),
                s.getScenario(),
                state,
                s.getTimeBoxMinutes(),
                start,
                deadline,
                end,
                s.getSelfRating(),
                s.getNotes(),
                item,
                steps);
    }

    List<ImportCommand.Card> cards(PlanExport e) {
        List<ImportCommand.Card> out = new ArrayList<>();
        for (int i = 0; i < e.getRecallCardsCount(); i++) {
            RecallCard c = e.getRecallCards(i);
            String field = P + "recall_cards[" + i + "]";
            f.check(
                    !c.getName().isEmpty() && cardIndex.putIfAbsent(c.getName(), i) == null,
                    field + ".name",
                    "names a card twice (or is empty)");
            out.add(card(c, field));
        }
        return out;
    }

    private ImportCommand.Card card(RecallCard c, String field) {
        Integer item = null;
        Integer session = null;
        int position = 0;
        if (c.getOrigin() == RecallCardOrigin.RECALL_CARD_ORIGIN_PLAN_ITEM) {
            item = items.get(c.getSource());
            f.check(item != null, field + ".source", "must name one of export.plan.items");
        } else if (c.getOrigin() == RecallCardOrigin.RECALL_CARD_ORIGIN_PRACTICE_STEP) {
            Matcher m = STEP.matcher(c.getSource());
            session = m.matches() ? sessionIndex.get(m.group(1)) : null;
            position = session == null ? 0 : Integer.parseInt(m.group(2));
            f.check(
                    session != null && position >= 1 && position <= stepCounts.get(session),
                    field + ".source",
                    "must name a step of one of export.practice_sessions");
        } else {
            f.check(false, field + ".origin", "must be PLAN_ITEM or PRACTICE_STEP: a plan holds no manual cards");
        }
        f.check(
                cardSources.add(c.getSource()),
                field + ".source",
                "is the source of another card too: a plan item " + "or practice step makes at most one card");
        f.requiredText(c.getFront(), 4000, field + ".front");
        f.text(c.getBack(), ImportFields.MEDIUM_TEXT, field + ".back");
        boolean known = c.getState() != RecallCardState.RECALL_CARD_STATE_UNSPECIFIED
                && c.getState() != RecallCardState.UNRECOGNIZED;
        f.check(known, field + ".state", "must be LEARNING, REVIEW or RELEARNING");
        f.v.range(c.getLearningStep(), 0, 1, field + ".learning_step");
        var due = f.instant(c.hasDueTime(), c.getDueTime(), field + ".due_time");
        var last = f.optionalInstant(c.hasLastReviewTime(), c.getLastReviewTime(), field + ".last_review_time");
        boolean reviewed = last != null;
        // FSRS memory exists from the first review on; before it both are 0.
        f.check(
                reviewed ? c.getStability() > 0 : c.getStability() == 0,
                field + ".stability",
                reviewed ? "must be more than 0 once reviewed" : "must be 0 before the first review");
        f.finite(c.getStability(), 0, MAX_STABILITY, field + ".stability");
        f.check(
                reviewed ? c.getDifficulty() >= 1 : c.getDifficulty() == 0,
                field + ".difficulty",
                reviewed ? "must be 1 to 10 once reviewed" : "must be 0 before the first review");
        f.finite(c.getDifficulty(), 0, 10, field + ".difficulty");
        f.v.range(c.getReviewCount(), 0, 1_000_000, field + ".review_count");
        f.v.range(c.getLapseCount(), 0, c.getReviewCount(), field + ".lapse_count");
        var created = f.instant(c.hasCreateTime(), c.getCreateTime(), field + ".create_time");
        String state = known ? c.getState().name().substring("RECALL_CARD_STATE_".length()) : "LEARNING";
        return new ImportCommand.Card(
                item,
                session,
                position,
                c.getFront(),
                c.getBack(),
                state,
                c.getLearningStep(),
                reviewed ? c.getStability() : null,
                reviewed ? c.getDifficulty() : null,
                c.getSuspended(),
                due,
                last,
                c.getReviewCount(),
                c.getLapseCount(),
                created);
    }

    List<ImportCommand.Review> reviews(PlanExport e) {
        List<ImportCommand.Review> out = new ArrayList<>();
        for (int i = 0; i < e.getRecallReviewsCount(); i++) {
            RecallReviewRecord r = e.getRecallReviews(i);
            String field = P + "recall_reviews[" + i + "]";
            Integer card = cardIndex.get(r.getCard());
            f.check(card != null, field + ".card", "must name one of export.recall_cards");
            boolean rated = r.getRating() != RecallRating.RECALL_RATING_UNSPECIFIED
                    && r.getRating() != RecallRating.UNRECOGNIZED;
            f.check(rated, field + ".rating", "must be AGAIN, HARD, GOOD or EASY");
            boolean known = r.getStateBefore() != RecallCardState.RECALL_CARD_STATE_UNSPECIFIED
                    && r.getStateBefore() != RecallCardState.UNRECOGNIZED;
            f.check(known, field + ".state_before", "must be LEARNING, REVIEW or RELEARNING");
            f.v.range(r.getElapsedDays(), 0, 100_000, field + ".elapsed_days");
            f.finite(r.getStability(), 0, MAX_STABILITY, field + ".stability");
            f.finite(r.getDifficulty(), 0, 10, field + ".difficulty");
            var due = f.instant(r.hasDueTime(), r.getDueTime(), field + ".due_time");
            var at = f.instant(r.hasReviewTime(), r.getReviewTime(), field + ".review_time");
            out.add(new ImportCommand.Review(
                    card == null ? 0 : card,
                    rated ? r.getRatingValue() : 0,
                    known ? r.getStateBefore().name().substring("RECALL_CARD_STATE_".length()) : "",
                    r.getElapsedDays(),
                    r.getStability(),
                    r.getDifficulty(),
                    due,
                    at));
        }
        return out;
    }
}
