package dev.ascent.tracker.plan;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * The plan's rows of an imported export (the export feature checks and builds them), written in the import's
 * transaction. Every row is new, so nothing is locked.
 */
@Singleton
public class ImportedPlans {

    private final PlanRepository plans;
    private final PlanItemRepository items;
    private final JdbcOperations jdbc;

    ImportedPlans(PlanRepository plans, PlanItemRepository items, JdbcOperations jdbc) {
        this.plans = plans;
        this.items = items;
        this.jdbc = jdbc;
    }

    public PlanRow save(PlanRow plan, List<PlanItemRow> planItems) {
        PlanRow saved = plans.save(plan);
        items.saveAll(planItems);
        return saved;
    }

    public void timeEntry(long id, PlanItemRow item, int minutes, int day, String note, Instant created) {
        TimeEntries.insert(jdbc, id, item, minutes, day, note, created);
    }
}
