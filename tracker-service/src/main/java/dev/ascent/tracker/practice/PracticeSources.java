package dev.ascent.tracker.practice;

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

    static final int MAX_TITLE = 300;

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
            steps.add(new Step(s.getName(), phase, clip(s.getTitle(), MAX_TITLE), s.getText()));
        }
        return new Copy(prompt.getName(), clip(prompt.getTitle(), MAX_TITLE), prompt.getScenario(), steps);
    }

    /** Checklist items have only text; their title is the text, shortened to fit. */
    static Copy of(Checklist checklist) {
        List<Step> steps = new ArrayList<>();
        for (ChecklistItem item : checklist.getItemsList()) {
            steps.add(new Step(clip(item.getName(), 200), "", clip(item.getText(), MAX_TITLE), item.getText()));
        }
        return new Copy(checklist.getName(), clip(checklist.getTitle(), MAX_TITLE), "", steps);
    }

    static String clip(String value, int max) {
        if (value.codePointCount(0, value.length()) <= max) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, max - 1)) + "\u2026";
    }
}
