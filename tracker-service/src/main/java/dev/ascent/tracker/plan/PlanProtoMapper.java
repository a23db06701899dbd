package dev.ascent.tracker.plan;

import dev.ascent.proto.tracker.v1.ItemSource;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemKind;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.SkillRating;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.grpc.Timestamps;
import java.util.Map;

/** Plan views to proto messages. */
public final class PlanProtoMapper {

    private PlanProtoMapper() {}

    /** The plan; with {@code withItems} false (lists) without its items. */
    public static Plan plan(PlanView view, boolean withItems) {
        return plan(view, withItems, Map.of());
    }

    /** The plan with each item's open review request ({@code openReviews}: item id to request id). */
    public static Plan plan(PlanView view, boolean withItems, Map<Long, Long> openReviews) {
        PlanRow p = view.plan();
        Plan.Builder b = Plan.newBuilder()
                .setName(view.name())
                .setTitle(p.title())
                .setTargetRole(p.targetRole())
                .setRoleTitle(p.roleTitle())
                .setRoleRevision(p.roleRevision())
                .setHoursPerWeek(p.minutesPerWeek() / 60.0)
                .setStartDate(Days.format(p.startDay()))
                .setTargetDate(p.targetDay() == null ? "" : Days.format(p.targetDay()))
                .setTimeZone(p.timeZone())
                .setArchived(p.archived())
                .setCreateTime(Timestamps.of(p.createTime()))
                .setUpdateTime(Timestamps.of(p.updateTime()))
                .setEtag(PlanEtags.of(p));
        Ratings.decode(p.skillRatings())
                .forEach((skill, rating) -> b.addSkillRatings(
                        SkillRating.newBuilder().setSkill(skill).setRating(rating)));
        if (withItems) {
            b.setRequiredHoursPerWeek(view.requiredHoursPerWeek())
                    .setTargetDateUnrealistic(view.targetUnrealistic())
                    .setScheduleNote(ScheduleNotes.of(view))
                    .setScheduledEndDate(Days.format(view.scheduledEndDay()))
                    .setTotalEstimatedMinutes(view.totalMinutes());
            view.items().forEach(i -> {
                PlanItem item = item(view.ownerHandle(), i, view.ownerView());
                Long review = openReviews.get(i.id());
                b.addItems(
                        review == null
                                ? item
                                : item.toBuilder()
                                        .setOpenReviewRequest("reviewRequests/" + review)
                                        .build());
            });
        }
        return b.build();
    }

    public static PlanItem item(String handle, PlanItemRow i, boolean ownerView) {
        boolean hideNotes = i.notesPrivate() && !ownerView;
        PlanItem.Builder b = PlanItem.newBuilder()
                .setName("users/" + handle + "/plans/" + i.planId() + "/items/" + i.id())
                .setKind(PlanItemKind.valueOf("PLAN_ITEM_KIND_" + i.kind()))
                .setTitle(i.title())
                .setDescription(i.description())
                .setSource(ItemSource.newBuilder()
                        .setContent(i.sourceContent())
                        .setText(i.sourceText())
                        .setSourceName(i.sourceName())
                        .setLine(i.sourceLine()))
                .setEstimatedMinutes(i.estimatedMinutes())
                .setWeek(i.week())
                .setDueDate(Days.format(i.dueDay()))
                .setDueDatePinned(i.duePinned())
                .setStatus(status(i.status()))
                .setVerified(i.verified())
                .setVerifiedBy(i.verifiedBy())
                .setPosition(i.position() + 1)
                .setNotes(hideNotes ? "" : i.notes())
                .setNotesPrivate(i.notesPrivate())
                .setLoggedMinutes(i.loggedMinutes())
                .setCreateTime(Timestamps.of(i.createTime()))
                .setUpdateTime(Timestamps.of(i.updateTime()))
                .setEtag(ItemEtags.of(i));
        if (i.completeTime() != null) {
            b.setCompleteTime(Timestamps.of(i.completeTime()));
        }
        return b.build();
    }

    public static PlanItemStatus status(ItemStatus status) {
        return switch (status) {
            case TODO -> PlanItemStatus.PLAN_ITEM_STATUS_TODO;
            case IN_PROGRESS -> PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS;
            case DONE -> PlanItemStatus.PLAN_ITEM_STATUS_DONE;
            case SKIPPED -> PlanItemStatus.PLAN_ITEM_STATUS_SKIPPED;
        };
    }

    /** The status a request names; null for UNSPECIFIED or a value this server does not know. */
    public static ItemStatus status(PlanItemStatus status) {
        return switch (status) {
            case PLAN_ITEM_STATUS_TODO -> ItemStatus.TODO;
            case PLAN_ITEM_STATUS_IN_PROGRESS -> ItemStatus.IN_PROGRESS;
            case PLAN_ITEM_STATUS_DONE -> ItemStatus.DONE;
            case PLAN_ITEM_STATUS_SKIPPED -> ItemStatus.SKIPPED;
            case PLAN_ITEM_STATUS_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }
}
