package dev.ascent.web.mentor;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.GetPracticeSessionRequest;
import dev.ascent.proto.tracker.v1.GetReviewRequestRequest;
import dev.ascent.proto.tracker.v1.InvitationDirection;
import dev.ascent.proto.tracker.v1.InviteMentorRequest;
import dev.ascent.proto.tracker.v1.ListInvitationsRequest;
import dev.ascent.proto.tracker.v1.ListMenteesRequest;
import dev.ascent.proto.tracker.v1.ListMentorsRequest;
import dev.ascent.proto.tracker.v1.ListReviewRequestsRequest;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.RespondToInvitationRequest;
import dev.ascent.proto.tracker.v1.ReviewDecision;
import dev.ascent.proto.tracker.v1.ReviewRequest;
import dev.ascent.proto.tracker.v1.ReviewRequestState;
import dev.ascent.proto.tracker.v1.StepScore;
import dev.ascent.proto.tracker.v1.SubmitReviewRequest;
import dev.ascent.web.Form;
import dev.ascent.web.Names;
import dev.ascent.web.Web;
import dev.ascent.web.session.WebSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.views.ModelAndView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The mentor's side: mentees at a glance, the review queue, and invitations (plus inviting a mentor). */
@Controller
public final class MentorController {

    private final Web web;

    public MentorController(Web web) {
        this.web = web;
    }

    @Get("/mentees")
    public ModelAndView<?> mentees(HttpRequest<?> request) {
        WebSession s = web.user(request);
        return web.page(
                request,
                "mentees",
                "mentees",
                web.client(s)
                        .mentorship()
                        .listMentees(
                                ListMenteesRequest.newBuilder().setPageSize(100).build())
                        .getMenteesList());
    }

    @Get("/reviewRequests")
    public ModelAndView<?> queue(HttpRequest<?> request) {
        WebSession s = web.user(request);
        AscentClient client = web.client(s);
        List<ReviewRequest> queue = client.reviews()
                .listReviewRequests(ListReviewRequestsRequest.newBuilder()
                        .setState(ReviewRequestState.REVIEW_REQUEST_STATE_OPEN)
                        .setPageSize(100)
                        .build())
                .getReviewRequestsList();
        Map<String, PracticeSession> sessions = new HashMap<>();
        for (ReviewRequest r : queue) {
            if (r.getTarget().contains("/practiceSessions/")) {
                sessions.put(
                        r.getName(),
                        client.practice()
                                .getPracticeSession(GetPracticeSessionRequest.newBuilder()
                                        .setName(r.getTarget())
                                        .build())
                                .getPracticeSession());
            }
        }
        // The tracker lists one state at a time (UNSPECIFIED means OPEN); show the open and the decided ones.
        List<ReviewRequest> mine = new java.util.ArrayList<>();
        for (ReviewRequestState state : List.of(
                ReviewRequestState.REVIEW_REQUEST_STATE_OPEN,
                ReviewRequestState.REVIEW_REQUEST_STATE_CHANGES_REQUESTED,
                ReviewRequestState.REVIEW_REQUEST_STATE_APPROVED)) {
            mine.addAll(client.reviews()
                    .listReviewRequests(ListReviewRequestsRequest.newBuilder()
                            .setMentee(s.user().getName())
                            .setState(state)
                            .setPageSize(50)
                            .build())
                    .getReviewRequestsList());
        }
        mine.sort(java.util.Comparator.comparingLong(
                        (ReviewRequest r) -> r.getCreateTime().getSeconds())
                .reversed());
        return web.page(request, "reviews", "queue", queue, "sessions", sessions, "mine", mine);
    }

    @Post(value = "/reviewRequests/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> review(
            HttpRequest<?> request, String id, @Nullable @Body Map<String, Object> fields) {
        Form form = Form.of(fields);
        WebSession s = web.user(request, form);
        AscentClient client = web.client(s);
        String name = Names.reviewRequest(id);
        ReviewDecision decision = switch (form.get("decision")) {
            case "approve" -> ReviewDecision.REVIEW_DECISION_APPROVED;
            case "changes" -> ReviewDecision.REVIEW_DECISION_CHANGES_REQUESTED;
            default -> throw new Form.BadForm("choose approve or request changes");
        };
        SubmitReviewRequest.Builder submit = SubmitReviewRequest.newBuilder()
                .setName(name)
                .setDecision(decision)
                .setComment(form.get("comment"))
                .setEtag(form.get("etag"));
        ReviewRequest r = client.reviews()
                .getReviewRequest(
                        GetReviewRequestRequest.newBuilder().setName(name).build())
                .getReviewRequest();
        if (r.getTarget().contains("/practiceSessions/")) {
            for (String field : form.names()) {
                if (field.startsWith("score:") && !form.get(field).isEmpty()) {
                    String step = r.getTarget() + "/steps/" + field.substring("score:".length());
                    if (!step.matches("users/[a-z0-9-]+/practiceSessions/[0-9]+/steps/[0-9]+")) {
                        throw new Form.BadForm("unknown step " + field);
                    }
                    submit.addStepScores(StepScore.newBuilder().setStep(step).setScore(form.integer(field, 0)));
                }
            }
        }
        client.reviews().submitReview(submit.build());
        s.flash(decision == ReviewDecision.REVIEW_DECISION_APPROVED ? "Approved." : "Changes requested.", false);
        return Web.seeOther("/reviewRequests");
    }

    @Get("/mentorships")
    public ModelAndView<?> invitations(HttpRequest<?> request) {
        WebSession s = web.user(request);
        AscentClient client = web.client(s);
        var received = client.mentorship()
                .listInvitations(ListInvitationsRequest.newBuilder()
                        .setDirection(InvitationDirection.INVITATION_DIRECTION_RECEIVED)
                        .setPageSize(100)
                        .build())
                .getMentorshipsList();
        var sent = client.mentorship()
                .listInvitations(ListInvitationsRequest.newBuilder()
                        .setDirection(InvitationDirection.INVITATION_DIRECTION_SENT)
                        .setPageSize(100)
                        .build())
                .getMentorshipsList();
        var mentors = client.mentorship()
                .listMentors(ListMentorsRequest.newBuilder().setPageSize(100).build())
                .getMentorshipsList();
        return web.page(request, "mentorships", "received", received, "sent", sent, "mentors", mentors);
    }

    @Post(value = "/mentorships", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> invite(HttpRequest<?> request, @Nullable @Body Map<String, Object> fields) {
        Form form = Form.of(fields);
        WebSession s = web.user(request, form);
        String handle = form.get("mentor").replaceFirst("^users/", "");
        if (!Names.isHandle(handle)) {
            throw new Form.BadForm("mentor: a handle such as 'mo' (lowercase letters, digits and '-')");
        }
        web.client(s)
                .mentorship()
                .inviteMentor(InviteMentorRequest.newBuilder()
                        .setMentor(Names.user(handle))
                        .setMessage(form.get("message"))
                        .build());
        s.flash("Invitation sent to " + handle + ".", false);
        return Web.seeOther("/mentorships");
    }

    @Post(value = "/mentorships/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> respond(
            HttpRequest<?> request, String id, @Nullable @Body Map<String, Object> fields) {
        Form form = Form.of(fields);
        WebSession s = web.user(request, form);
        boolean accept = switch (form.get("answer")) {
            case "accept" -> true;
            case "decline" -> false;
            default -> throw new Form.BadForm("choose accept or decline");
        };
        web.client(s)
                .mentorship()
                .respondToInvitation(RespondToInvitationRequest.newBuilder()
                        .setName(Names.mentorship(id))
                        .setAccept(accept)
                        .setEtag(form.get("etag"))
                        .build());
        s.flash(accept ? "Invitation accepted." : "Invitation declined.", false);
        return Web.seeOther("/mentorships");
    }
}
