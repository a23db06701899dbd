package dev.ascent.web;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.ActivityEvent;
import dev.ascent.proto.tracker.v1.GetProgressSummaryRequest;
import dev.ascent.proto.tracker.v1.InvitationDirection;
import dev.ascent.proto.tracker.v1.ListActivityRequest;
import dev.ascent.proto.tracker.v1.ListInvitationsRequest;
import dev.ascent.proto.tracker.v1.ListMenteesRequest;
import dev.ascent.proto.tracker.v1.ListPlansRequest;
import dev.ascent.proto.tracker.v1.ListReviewRequestsRequest;
import dev.ascent.proto.tracker.v1.MentorshipState;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.ProgressSummary;
import dev.ascent.proto.tracker.v1.ReviewRequestState;
import dev.ascent.web.session.WebSession;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.views.ModelAndView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The dashboard: your plans with their progress, what waits for you, and the live feed. */
@Controller
public final class DashboardController {

    private static final int RECENT = 15;

    private final Web web;

    public DashboardController(Web web) {
        this.web = web;
    }

    @Get("/")
    public ModelAndView<?> dashboard(HttpRequest<?> request) {
        WebSession s = web.user(request);
        AscentClient client = web.client(s);
        List<Plan> plans = client.plans()
                .listPlans(ListPlansRequest.newBuilder().setPageSize(50).build())
                .getPlansList();
        Map<String, ProgressSummary> summaries = new HashMap<>();
        List<ActivityEvent> recent = new ArrayList<>();
        for (Plan p : plans) {
            summaries.put(
                    p.getName(),
                    client.progress()
                            .getProgressSummary(GetProgressSummaryRequest.newBuilder()
                                    .setPlan(p.getName())
                                    .build())
                            .getProgressSummary());
            recent.addAll(client.progress()
                    .listActivity(ListActivityRequest.newBuilder()
                            .setParent(p.getName())
                            .setPageSize(RECENT)
                            .build())
                    .getActivityEventsList());
        }
        recent.sort(Comparator.comparingLong(ActivityEvent::getSequence).reversed());
        if (recent.size() > RECENT) {
            recent = recent.subList(0, RECENT);
        }
        long cursor = recent.isEmpty() ? 0 : recent.get(0).getSequence();
        int invitations = client.mentorship()
                .listInvitations(ListInvitationsRequest.newBuilder()
                        .setDirection(InvitationDirection.INVITATION_DIRECTION_RECEIVED)
                        .setState(MentorshipState.MENTORSHIP_STATE_PENDING)
                        .setPageSize(50)
                        .build())
                .getMentorshipsCount();
        int reviews = client.reviews()
                .listReviewRequests(ListReviewRequestsRequest.newBuilder()
                        .setMentor(s.user().getName())
                        .setState(ReviewRequestState.REVIEW_REQUEST_STATE_OPEN)
                        .setPageSize(100)
                        .build())
                .getReviewRequestsCount();
        int mentees = client.mentorship()
                .listMentees(ListMenteesRequest.newBuilder().setPageSize(100).build())
                .getMenteesCount();
        return web.page(
                request,
                "dashboard",
                "plans",
                plans,
                "summaries",
                summaries,
                "recent",
                recent,
                "cursor",
                cursor,
                "invitations",
                invitations,
                "reviews",
                reviews,
                "mentees",
                mentees,
                "mine",
                true);
    }
}
