package dev.ascent.tracker.mentorship;

import dev.ascent.proto.tracker.v1.MenteeSummary;
import dev.ascent.proto.tracker.v1.Mentorship;
import dev.ascent.proto.tracker.v1.Pace;
import dev.ascent.tracker.grpc.Timestamps;

/** Mentorships and mentee rows to proto messages. */
final class MentorshipProtoMapper {

    private MentorshipProtoMapper() {}

    static Mentorship mentorship(MentorshipView v) {
        MentorshipRow r = v.row();
        Mentorship.Builder b = Mentorship.newBuilder()
                .setName(r.name())
                .setMentor("users/" + v.mentorHandle())
                .setMentorDisplayName(v.mentorDisplayName())
                .setMentee("users/" + v.menteeHandle())
                .setMenteeDisplayName(v.menteeDisplayName())
                .setState(dev.ascent.proto.tracker.v1.MentorshipState.valueOf("MENTORSHIP_STATE_" + r.state()))
                .setMessage(r.message())
                .setCreateTime(Timestamps.of(r.createTime()))
                .setEtag(r.etag());
        if (r.respondTime() != null) {
            b.setRespondTime(Timestamps.of(r.respondTime()));
        }
        if (r.endTime() != null) {
            b.setEndTime(Timestamps.of(r.endTime()));
        }
        if (!v.endedByHandle().isEmpty()) {
            b.setEndedBy("users/" + v.endedByHandle());
        }
        return b.build();
    }

    static MenteeSummary mentee(MenteeSummaries.Row row) {
        MenteeSummary.Builder b = MenteeSummary.newBuilder()
                .setMentorship(row.mentorship().row().name())
                .setMentee("users/" + row.mentorship().menteeHandle())
                .setDisplayName(row.mentorship().menteeDisplayName())
                .setPlanCount(row.planCount())
                .setPercentComplete(row.percentComplete())
                .setPace(
                        row.pace() == null
                                ? Pace.PACE_UNSPECIFIED
                                : Pace.valueOf("PACE_" + row.pace().name()))
                .setMinutesThisWeek(row.minutesThisWeek())
                .setAwaitingReviewCount(row.awaitingReview());
        if (row.lastActivity() != null) {
            b.setLastActivityTime(Timestamps.of(row.lastActivity()));
        }
        return b.build();
    }

    static MentorshipState state(dev.ascent.proto.tracker.v1.MentorshipState state) {
        return switch (state) {
            case MENTORSHIP_STATE_PENDING -> MentorshipState.PENDING;
            case MENTORSHIP_STATE_ACTIVE -> MentorshipState.ACTIVE;
            case MENTORSHIP_STATE_DECLINED -> MentorshipState.DECLINED;
            case MENTORSHIP_STATE_ENDED -> MentorshipState.ENDED;
            default -> null;
        };
    }
}
