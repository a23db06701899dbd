package dev.ascent.tracker.export;

import dev.ascent.tracker.plan.ItemStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A checked export, ready to be written as a new plan. Parts refer to each other by their index in the lists
 * here (the export's names are gone): an entry's {@code item} is an index into {@code items}, and so on.
 */
record ImportCommand(
        String ownerHandle,
        Plan plan,
        List<Item> items,
        List<Entry> entries,
        List<Comment> comments,
        List<Session> sessions,
        List<Card> cards,
        List<Review> reviews) {

    record Plan(
            String title,
            String targetRole,
            String roleTitle,
            int roleRevision,
            int minutesPerWeek,
            int startDay,
            Integer targetDay,
            String timeZone,
            Map<String, Integer> ratings,
            boolean archived) {}

    record Item(
            String kind,
            String title,
            String description,
            String sourceContent,
            String sourceText,
            String sourceName,
            int sourceLine,
            int estimatedMinutes,
            int dueDay,
            boolean duePinned,
            ItemStatus status,
            String notes,
            boolean notesPrivate,
            Instant completeTime) {}

    record Entry(int item, int minutes, int day, String note, Instant createTime) {}

    /** {@code authorHandle} is who wrote it in the exporter's account. */
    record Comment(int item, String authorHandle, String authorName, String body, Instant createTime) {}

    /** {@code item} is null for a session linked to no item of the plan. */
    record Session(
            String source,
            String title,
            String scenario,
            String state,
            int timeBoxMinutes,
            Instant start,
            Instant deadline,
            Instant end,
            int selfRating,
            String notes,
            Integer item,
            List<Step> steps) {}

    record Step(String sourceStep, String phase, String title, String body, boolean checked, String notes) {}

    /** From an item ({@code item} set) or from step {@code stepPosition} of session {@code session}. */
    record Card(
            Integer item,
            Integer session,
            int stepPosition,
            String front,
            String back,
            String state,
            int step,
            Double stability,
            Double difficulty,
            boolean suspended,
            Instant due,
            Instant lastReview,
            int reps,
            int lapses,
            Instant createTime) {}

    record Review(
            int card,
            int rating,
            String stateBefore,
            int elapsedDays,
            double stability,
            double difficulty,
            Instant due,
            Instant reviewTime) {}
}
