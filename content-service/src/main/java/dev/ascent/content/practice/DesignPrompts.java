package dev.ascent.content.practice;

import dev.ascent.common.error.ApiException;
import dev.ascent.content.catalog.CatalogService;
import dev.ascent.content.catalog.RoleView;
import dev.ascent.content.importer.SectionKind;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The system-design practice prompts the service ships ({@code catalog/design-prompts.json}, written by the Ascent
 * team). Each step follows a general design method; ML-specific steps name keywords that link them to the
 * best-practice and challenge topics of the catalog's roles, resolved against the current catalog on every read.
 */
@Singleton
public class DesignPrompts {

    public enum Phase {
        REQUIREMENTS,
        ESTIMATES,
        HIGH_LEVEL_DESIGN,
        CORE_COMPONENTS,
        SCALING,
        TRADE_OFFS,
        ML_SPECIFIC
    }

    @Serdeable
    public record StepSpec(Phase phase, String title, String guidance, List<String> relatedTopics) {}

    @Serdeable
    public record PromptSpec(
            String slug, String title, String summary, String difficulty, int suggestedMinutes, List<StepSpec> steps) {}

    /** A step with the catalog topics it draws on, as {@code roles/{slug}/topics/{id}}. */
    public record Step(int number, StepSpec spec, List<String> relatedTopics) {}

    public record Prompt(PromptSpec spec, List<Step> steps) {
        public String name() {
            return "designPrompts/" + spec.slug();
        }
    }

    private final List<PromptSpec> specs;
    private final CatalogService catalog;

    public DesignPrompts(ObjectMapper json, CatalogService catalog) {
        this.catalog = catalog;
        try (InputStream in = DesignPrompts.class.getClassLoader().getResourceAsStream("catalog/design-prompts.json")) {
            if (in == null) {
                throw new IllegalStateException("catalog/design-prompts.json is missing");
            }
            this.specs = List.of(json.readValue(in.readAllBytes(), PromptSpec[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Prompt> list() {
        List<RoleView> roles = catalog.allRoles();
        return specs.stream().map(s -> resolve(s, roles)).toList();
    }

    /** The prompts that fit a role, best fit first ({@link PromptFit}). */
    public List<Prompt> forRole(RoleView role) {
        return PromptFit.forRole(list(), role);
    }

    public Prompt get(String slug) {
        PromptSpec spec = specs.stream()
                .filter(s -> s.slug().equals(slug))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("designPrompts/" + slug));
        return resolve(spec, catalog.allRoles());
    }

    private static Prompt resolve(PromptSpec spec, List<RoleView> roles) {
        List<Step> steps = new ArrayList<>();
        int n = 1;
        for (StepSpec step : spec.steps()) {
            steps.add(new Step(n++, step, related(step, roles)));
        }
        return new Prompt(spec, steps);
    }

    private static List<String> related(StepSpec step, List<RoleView> roles) {
        List<String> out = new ArrayList<>();
        if (step.relatedTopics() == null || step.relatedTopics().isEmpty()) {
            return out;
        }
        for (RoleView role : roles) {
            for (SectionKind kind : List.of(SectionKind.BEST_PRACTICES, SectionKind.CHALLENGES)) {
                for (RoleView.Topic topic : role.topics(kind)) {
                    String title = topic.title().toLowerCase(Locale.ROOT);
                    if (step.relatedTopics().stream().anyMatch(k -> title.contains(k.toLowerCase(Locale.ROOT)))) {
                        out.add(role.name() + "/topics/" + topic.id());
                    }
                }
            }
        }
        return out;
    }
}
