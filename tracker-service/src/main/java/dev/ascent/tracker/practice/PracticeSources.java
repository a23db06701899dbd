package dev.ascent.tracker.practice;

import dev.ascent.common.Text;
import dev.ascent.common.error.ApiException;
import dev.ascent.proto.content.v1.Checklist;
import dev.ascent.proto.content.v1.ChecklistItem;
import dev.ascent.proto.content.v1.DesignPhase;
import dev.ascent.proto.content.v1.DesignPrompt;
import dev.ascent.proto.content.v1.DesignStep;
import dev.ascent.tracker.content.ContentClient;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a design prompt or checklist out of the catalog when a session starts, so content protos stay here and
 * later catalog changes never reach a session. The content service is asked with no transaction open.
 */
@Singleton
public class PracticeSources {

    /**
     * Column sizes of practice_session.title, practice_step.title and source_step (V3), in UTF-16 units: what H2's
     * VARCHAR counts, and never fewer than MySQL's code points, so a fitted value fits on both ({@link Text#fit}).
     * Bodies and scenarios are MEDIUMTEXT (V5), above the catalog's 64 KiB for a paragraph.
     */
    static final int MAX_TITLE = 300;
    static final int MAX_SOURCE_STEP = 200;

    /** What a session copies: its title, scenario and steps in order. */
    public record Copy(String source, String title, String scenario, List<Step> steps) {
    }

    public record Step(String sourceStep, String phase, String title, String body) {
    }

    private final ContentClient content;

    public PracticeSources(ContentClient content) {
        this.content = content;
    }

    /** NOT_FOUND when the catalog has no such prompt or checklist; UNAVAILABLE (from the client) when it is down. */
    public Copy copy(String source) {
        if (PracticeNames.isDesignPrompt(source)) {
            return content.designPrompt(source).map(PracticeSources::of)
                    .orElseThrow(() -> ApiException.notFound(source));
        }
        return content.checklist(source).map(PracticeSources::of).orElseThrow(() -> ApiException.notFound(source));
    }

    static Copy of(DesignPrompt prompt) {
        List<Step> steps = new ArrayList<>();
        for (DesignStep s : prompt.getStepsList()) {
            String phase = s.getPhase() == DesignPhase.DESIGN_PHASE_UNSPECIFIED || s.getPhase() == DesignPhase.UNRECOGNIZED
                    ? "" : s.getPhase().name().substring("DESIGN_PHASE_".length());
            steps.add(new Step(Text.fit(s.getName(), MAX_SOURCE_STEP), phase, Text.fit(s.getTitle(), MAX_TITLE),
                    s.getText()));
        }
        return new Copy(prompt.getName(), Text.fit(prompt.getTitle(), MAX_TITLE), prompt.getScenario(), steps);
    }

    /** Checklist items have only text; their title is the text, shortened to fit. */
    static Copy of(Checklist checklist) {
        List<Step> steps = new ArrayList<>();
        for (ChecklistItem item : checklist.getItemsList()) {
            steps.add(new Step(Text.fit(item.getName(), MAX_SOURCE_STEP), "", Text.fit(item.getText(), MAX_TITLE),
                    item.getText()));
        }
        return new Copy(checklist.getName(), Text.fit(checklist.getTitle(), MAX_TITLE), "", steps);
    }
}
