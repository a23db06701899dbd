package dev.ascent.tracker.practice;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.Validator;
import dev.ascent.proto.tracker.v1.CompletePracticeSessionRequest;
import dev.ascent.proto.tracker.v1.ListPracticeSessionsRequest;
import dev.ascent.proto.tracker.v1.PracticeSessionState;
import dev.ascent.proto.tracker.v1.PracticeStepUpdate;
import dev.ascent.proto.tracker.v1.StartPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.UpdatePracticeSessionRequest;
import dev.ascent.tracker.grpc.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Practice requests to commands: every field checked, every violation reported at once. */
final class PracticeRequests {

    private static final String SOURCE_SHAPE = "must look like designPrompts/{slug} or checklists/{id}";

    private PracticeRequests() {}

    static PracticeCommands.Start start(StartPracticeSessionRequest r) {
        Validator v = new Validator();
        v.check(
                PracticeNames.isSource(r.getSource()),
                "source",
                r.getSource().isEmpty() ? "is required" : SOURCE_SHAPE);
        v.check(
                r.getTimeBoxMinutes() == 0
                        || (r.getTimeBoxMinutes() >= PracticeCommands.MIN_TIME_BOX
                                && r.getTimeBoxMinutes() <= PracticeCommands.MAX_TIME_BOX),
                "time_box_minutes",
                "must be between " + PracticeCommands.MIN_TIME_BOX + " and " + PracticeCommands.MAX_TIME_BOX
                        + " (0 means " + PracticeCommands.DEFAULT_TIME_BOX + ")");
        v.throwIfInvalid();
        Names.ItemName item = r.getPlanItem().isEmpty() ? null : Names.item(r.getPlanItem(), "plan_item");
        int box = r.getTimeBoxMinutes() == 0 ? PracticeCommands.DEFAULT_TIME_BOX : r.getTimeBoxMinutes();
        return new PracticeCommands.Start(r.getSource(), box, item);
    }

    static PracticeCommands.Update update(UpdatePracticeSessionRequest r, PracticeNames.SessionName session) {
        Validator.maxCount(r.getStepUpdatesCount(), PracticeCommands.MAX_STEP_UPDATES, "step_updates", "updates");
        Validator v = new Validator();
        if (r.hasNotes()) {
            v.maxLength(r.getNotes(), PracticeCommands.MAX_NOTES, "notes");
        }
        List<PracticeCommands.StepChange> changes = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < r.getStepUpdatesCount(); i++) {
            PracticeStepUpdate u = r.getStepUpdates(i);
            String field = "step_updates[" + i + "].step";
            PracticeNames.StepName step;
            try {
                step = PracticeNames.step(u.getStep(), field);
            } catch (ApiException e) {
                v.check(false, field, e.violations().get(0).description());
                continue;
            }
            v.check(step.session().equals(session), field, "is not a step of " + session.name());
            v.check(seen.add(step.position()), field, "names a step already updated in this request");
            v.check(u.hasChecked() || u.hasNotes(), "step_updates[" + i + "]", "sets neither checked nor notes");
            if (u.hasNotes()) {
                v.maxLength(u.getNotes(), PracticeCommands.MAX_NOTES, "step_updates[" + i + "].notes");
            }
            changes.add(new PracticeCommands.StepChange(
                    step.position(),
                    field,
                    u.hasChecked() ? u.getChecked() : null,
                    u.hasNotes() ? u.getNotes() : null));
        }
        v.throwIfInvalid();
        return new PracticeCommands.Update(r.getEtag(), changes, r.hasNotes() ? r.getNotes() : null);
    }

    static PracticeCommands.Complete complete(CompletePracticeSessionRequest r) {
        Validator v = new Validator();
        v.range(r.getSelfRating(), 1, 5, "self_rating");
        if (r.hasNotes()) {
            v.maxLength(r.getNotes(), PracticeCommands.MAX_NOTES, "notes");
        }
        v.throwIfInvalid();
        return new PracticeCommands.Complete(
                r.getEtag(), r.getSelfRating(), r.hasNotes() ? r.getNotes() : null, r.getMarkItemDone());
    }

    static PracticeCommands.ListFilter filter(ListPracticeSessionsRequest r) {
        Validator v = new Validator();
        v.check(r.getSource().isEmpty() || PracticeNames.isSource(r.getSource()), "source", SOURCE_SHAPE);
        v.check(r.getState() != PracticeSessionState.UNRECOGNIZED, "state", "is not a known state");
        v.throwIfInvalid();
        long itemId = r.getPlanItem().isEmpty()
                ? 0
                : Names.item(r.getPlanItem(), "plan_item").itemId();
        String state = r.getState() == PracticeSessionState.PRACTICE_SESSION_STATE_UNSPECIFIED
                ? ""
                : r.getState().name().substring("PRACTICE_SESSION_STATE_".length());
        return new PracticeCommands.ListFilter(r.getSource(), itemId, state);
    }

    static String statsSource(String source) {
        if (!source.isEmpty() && !PracticeNames.isSource(source)) {
            throw ApiException.invalid("source", SOURCE_SHAPE);
        }
        return source;
    }
}
