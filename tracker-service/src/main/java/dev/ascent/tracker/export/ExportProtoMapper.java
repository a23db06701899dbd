package dev.ascent.tracker.export;

import dev.ascent.proto.tracker.v1.Comment;
import dev.ascent.proto.tracker.v1.PlanExport;
import dev.ascent.proto.tracker.v1.RecallCardState;
import dev.ascent.proto.tracker.v1.RecallRating;
import dev.ascent.proto.tracker.v1.RecallReviewRecord;
import dev.ascent.proto.tracker.v1.TimeEntry;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.grpc.Timestamps;
import dev.ascent.tracker.plan.PlanProtoMapper;
import dev.ascent.tracker.practice.PracticeProtoMapper;
import dev.ascent.tracker.recall.RecallNames;
import dev.ascent.tracker.recall.RecallProtoMapper;

/** An export's rows to the versioned {@code PlanExport} message. */
final class ExportProtoMapper {

    /** The layout {@link PlanExport} has today; ImportPlan reads this version and none later. */
    static final int FORMAT_VERSION = 1;

    private ExportProtoMapper() {}

    static PlanExport export(PlanExporter.Exported e) {
        String handle = e.plan().ownerHandle();
        String plan = e.plan().name();
        PlanExport.Builder b = PlanExport.newBuilder()
                .setFormatVersion(FORMAT_VERSION)
                .setExportTime(Timestamps.of(e.time()))
                .setOwner("users/" + handle)
                .setPlan(PlanProtoMapper.plan(e.plan(), true));
        for (ExportReads.Entry t : e.entries()) {
            b.addTimeEntries(TimeEntry.newBuilder()
                    .setName(plan + "/items/" + t.itemId() + "/timeEntries/" + t.id())
                    .setMinutes(t.minutes())
                    .setDay(Days.format(t.day()))
                    .setNote(t.note())
                    .setCreateTime(Timestamps.of(t.createTime())));
        }
        for (ExportReads.Comment c : e.comments()) {
            b.addComments(Comment.newBuilder()
                    .setName(plan + "/items/" + c.itemId() + "/comments/" + c.id())
                    .setAuthor("users/" + c.authorHandle())
                    .setAuthorDisplayName(c.authorName())
                    .setBody(c.body())
                    .setCreateTime(Timestamps.of(c.createTime())));
        }
        e.sessions().forEach(s -> b.addPracticeSessions(PracticeProtoMapper.session(s)));
        e.cards().forEach(c -> b.addRecallCards(RecallProtoMapper.card(handle, c)));
        for (ExportReads.Review r : e.reviews()) {
            b.addRecallReviews(RecallReviewRecord.newBuilder()
                    .setCard(RecallNames.card(handle, r.cardId()))
                    .setRating(RecallRating.forNumber(r.rating()))
                    .setStateBefore(RecallCardState.valueOf("RECALL_CARD_STATE_" + r.stateBefore()))
                    .setElapsedDays(r.elapsedDays())
                    .setStability(r.stability())
                    .setDifficulty(r.difficulty())
                    .setDueTime(Timestamps.of(r.due()))
                    .setReviewTime(Timestamps.of(r.reviewTime())));
        }
        return b.build();
    }
}
