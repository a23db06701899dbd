package dev.ascent.tracker.activity;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.proto.tracker.v1.ActivityEvent;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.grpc.Timestamps;

/** Stored events to {@code ascent.tracker.v1.ActivityEvent}. */
public final class ActivityProtoMapper {

    private ActivityProtoMapper() {}

    public static ActivityEvent event(ActivityRow r) {
        String owner = "users/" + r.ownerHandle();
        String plan = r.planId() == null ? "" : owner + "/plans/" + r.planId();
        ActivityEvent.Builder b = ActivityEvent.newBuilder()
                .setName((plan.isEmpty() ? owner : plan) + "/activity/" + r.seq())
                .setOwner(owner)
                .setPlan(plan)
                .setItem(r.itemId() == null || plan.isEmpty() ? "" : plan + "/items/" + r.itemId())
                .setActor("users/" + r.actorHandle())
                .setType(dev.ascent.proto.tracker.v1.ActivityType.valueOf(
                        "ACTIVITY_TYPE_" + r.type().name()))
                .setSummary(r.summary())
                .setOldStatus(status(r.oldStatus()))
                .setNewStatus(status(r.newStatus()))
                .setMinutes(r.minutes())
                .setDay(r.day() == null ? "" : Days.format(r.day()))
                .setSubject(r.subject())
                .setCreateTime(Timestamps.of(InstantMicros.fromMicros(r.createMicros())))
                .setSequence(r.seq());
        return b.build();
    }

    private static PlanItemStatus status(String s) {
        return s.isEmpty()
                ? PlanItemStatus.PLAN_ITEM_STATUS_UNSPECIFIED
                : PlanItemStatus.valueOf("PLAN_ITEM_STATUS_" + s);
    }
}
