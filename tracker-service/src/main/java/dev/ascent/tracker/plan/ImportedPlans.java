package dev.ascent.tracker.plan;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
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

    /** The imported plan's time entries, in one batch. */
    public void timeEntries(List<TimeEntries.NewEntry> entries) {
        TimeEntries.insertAll(jdbc, entries);
    }
}
