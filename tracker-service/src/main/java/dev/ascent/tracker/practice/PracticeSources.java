package dev.ascent.tracker.practice;

import dev.ascent.common.Text;
import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.content.ContentClient;
import dev.ascent.tracker.content.PracticeMaterial;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies a design prompt or checklist out of the catalog when a session starts, so content protos stay here and
 * later catalog changes never reach a session. Only {@link StartPractice#source} calls it, with no transaction open.
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
    public record Copy(String source, String title, String scenario, List<Step> steps) {}

    public record Step(String sourceStep, String phase, String title, String body) {}

    private final ContentClient content;

    public PracticeSources(ContentClient content) {
        this.content = content;
    }

    /** NOT_FOUND when the catalog has no such prompt or checklist; UNAVAILABLE (from the client) when it is down. */
    public Copy copy(String source) {
        Optional<PracticeMaterial> material =
                PracticeNames.isDesignPrompt(source) ? content.designPrompt(source) : content.checklist(source);
        return material.map(PracticeSources::of).orElseThrow(() -> ApiException.notFound(source));
    }

    /** The material, each title shortened to fit its column. */
    static Copy of(PracticeMaterial material) {
        List<Step> steps = new ArrayList<>();
        for (PracticeMaterial.Step s : material.steps()) {
            steps.add(
                    new Step(Text.fit(s.name(), MAX_SOURCE_STEP), s.phase(), Text.fit(s.title(), MAX_TITLE), s.text()));
        }
        return new Copy(material.name(), Text.fit(material.title(), MAX_TITLE), material.scenario(), steps);
    }
}
