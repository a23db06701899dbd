package dev.ascent.tracker.practice;

import dev.ascent.tracker.grpc.Names;
import java.util.List;

/** The practice use cases' inputs, already checked for shape by the endpoint. */
public final class PracticeCommands {

    public static final int MAX_NOTES = 4000;
    public static final int DEFAULT_TIME_BOX = 45;
    public static final int MIN_TIME_BOX = 5;
    public static final int MAX_TIME_BOX = 480;
    public static final int MAX_STEP_UPDATES = 500;

    private PracticeCommands() {}

    /** {@code planItem} null when the session is not linked to a plan item. */
    public record Start(String source, int timeBoxMinutes, Names.ItemName planItem) {}

    /** {@code checked} and {@code notes} null when left as they are. */
    public record StepChange(int position, String field, Boolean checked, String notes) {}

    /** {@code notes} null when left as it is. */
    public record Update(String etag, List<StepChange> steps, String notes) {}

    public record Complete(String etag, int selfRating, String notes, boolean markItemDone) {}

    /** Filters of a list; "" and 0 mean any. */
    public record ListFilter(String source, long planItemId, String state) {}
}
