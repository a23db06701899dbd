package dev.ascent.tracker.review;

import dev.ascent.proto.tracker.v1.Comment;
import dev.ascent.proto.tracker.v1.ReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewRequestState;
import dev.ascent.proto.tracker.v1.StepScore;
import dev.ascent.tracker.grpc.Timestamps;

/** Review requests and comments to proto messages. */
final class ReviewProtoMapper {

    private ReviewProtoMapper() {}

    static ReviewRequest request(ReviewView v) {
        ReviewRequestRow r = v.row();
        ReviewRequest.Builder b = ReviewRequest.newBuilder()
                .setName(r.name())
                .setTarget(r.target())
                .setTargetTitle(r.targetTitle())
                .setMentee("users/" + v.menteeHandle())
                .setMentor("users/" + v.mentorHandle())
                .setState(ReviewRequestState.valueOf("REVIEW_REQUEST_STATE_" + r.state()))
                .addAllEvidenceLinks(r.links())
                .setNote(r.note())
                .setDecisionComment(r.decisionComment())
                .setCreateTime(Timestamps.of(r.createTime()))
                .setEtag(r.etag());
        r.scores()
                .forEach((position, score) -> b.addStepScores(StepScore.newBuilder()
                        .setStep(r.target() + "/steps/" + position)
                        .setScore(score)));
        if (r.reviewTime() != null) {
            b.setReviewTime(Timestamps.of(r.reviewTime()));
        }
        if (r.cancelTime() != null) {
            b.setCancelTime(Timestamps.of(r.cancelTime()));
        }
        return b.build();
    }

    static Comment comment(CommentService.CommentView c) {
        return Comment.newBuilder()
                .setName(c.name())
                .setAuthor("users/" + c.authorHandle())
                .setAuthorDisplayName(c.authorDisplayName())
                .setBody(c.body())
                .setReviewRequest(c.reviewRequestId() == null ? "" : "reviewRequests/" + c.reviewRequestId())
                .setCreateTime(Timestamps.of(c.createTime()))
                .build();
    }

    static String state(ReviewRequestState state) {
        return state == ReviewRequestState.REVIEW_REQUEST_STATE_UNSPECIFIED
                ? ReviewRequestRow.OPEN
                : state.name().substring("REVIEW_REQUEST_STATE_".length());
    }
}
