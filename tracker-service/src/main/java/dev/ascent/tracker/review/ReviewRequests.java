package dev.ascent.tracker.review;

import dev.ascent.common.error.Validator;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewDecision;
import dev.ascent.proto.tracker.v1.SubmitReviewRequest;
import dev.ascent.tracker.grpc.Names;
import dev.ascent.tracker.practice.PracticeNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Review requests to commands: every field checked, every violation reported at once. */
final class ReviewRequests {

    static final int MAX_LINKS = 10;
    static final int MAX_LINK = 2000;
    /** One score per step, at most 500: as many steps as one practice update may change. */
    static final int MAX_STEP_SCORES = 500;

    static final int MAX_TEXT = CommentService.MAX_BODY;

    private ReviewRequests() {}

    static ReviewService.RequestReview request(RequestReviewRequest r) {
        boolean session = r.getTarget().contains("/practiceSessions/");
        PracticeNames.SessionName sessionName = session ? PracticeNames.session(r.getTarget(), "target") : null;
        Names.ItemName item = session ? null : Names.item(r.getTarget(), "target");
        Validator.maxCount(r.getEvidenceLinksCount(), MAX_LINKS, "evidence_links", "links");
        Validator v = new Validator();
        for (int i = 0; i < r.getEvidenceLinksCount(); i++) {
            v.check(
                    isWebLink(r.getEvidenceLinks(i)),
                    "evidence_links[" + i + "]",
                    "must be an http or https URL of at most " + MAX_LINK + " characters");
        }
        v.maxLength(r.getNote(), MAX_TEXT, "note");
        v.throwIfInvalid();
        String mentor = r.getMentor().isEmpty() ? "" : handle(r.getMentor(), "mentor");
        return new ReviewService.RequestReview(item, sessionName, mentor, r.getEvidenceLinksList(), r.getNote());
    }

    static ReviewDecisions.Decision decision(SubmitReviewRequest r) {
        Validator.maxCount(r.getStepScoresCount(), MAX_STEP_SCORES, "step_scores", "scores");
        Validator v = new Validator();
        v.check(
                r.getDecision() == ReviewDecision.REVIEW_DECISION_APPROVED
                        || r.getDecision() == ReviewDecision.REVIEW_DECISION_CHANGES_REQUESTED,
                "decision",
                "must be APPROVED or CHANGES_REQUESTED");
        v.maxLength(r.getComment(), MAX_TEXT, "comment");
        v.check(
                r.getDecision() != ReviewDecision.REVIEW_DECISION_CHANGES_REQUESTED
                        || !r.getComment().isBlank(),
                "comment",
                "is required when requesting changes");
        Set<String> scored = new HashSet<>();
        for (int i = 0; i < r.getStepScoresCount(); i++) {
            v.range(r.getStepScores(i).getScore(), 1, 5, "step_scores[" + i + "].score");
            v.check(
                    r.getStepScores(i).getStep().isEmpty()
                            || scored.add(r.getStepScores(i).getStep()),
                    "step_scores[" + i + "].step",
                    "is scored more than once");
        }
        v.throwIfInvalid();
        return r.getDecision() == ReviewDecision.REVIEW_DECISION_APPROVED
                ? ReviewDecisions.Decision.APPROVED
                : ReviewDecisions.Decision.CHANGES_REQUESTED;
    }

    /** The step scores as sent; which steps exist is checked against the reviewed session. */
    static List<ReviewDecisions.Score> scores(SubmitReviewRequest r) {
        List<ReviewDecisions.Score> out = new ArrayList<>();
        for (int i = 0; i < r.getStepScoresCount(); i++) {
            out.add(new ReviewDecisions.Score(
                    i, r.getStepScores(i).getStep(), r.getStepScores(i).getScore()));
        }
        return out;
    }

    /** {@code users/{handle}} or a bare handle. */
    static String handle(String value, String field) {
        return Names.userOrHandle(value, field);
    }

    static boolean isWebLink(String link) {
        if (link.isEmpty() || link.length() > MAX_LINK || link.contains("\n") || link.contains("\r")) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
