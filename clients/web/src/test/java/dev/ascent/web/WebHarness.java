package dev.ascent.web;

import dev.ascent.client.AscentClient;
import dev.ascent.client.PackagedPlatform;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.InviteMentorRequest;
import dev.ascent.proto.tracker.v1.Mentorship;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.RespondToInvitationRequest;
import dev.ascent.proto.tracker.v1.ReviewDecision;
import dev.ascent.proto.tracker.v1.ReviewRequest;
import dev.ascent.proto.tracker.v1.SubmitReviewRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged content and tracker services (processes on free ports, H2) and the web app in this JVM on a free
 * port, pointed at them. One per JVM: tests create their own users, so they share it.
 */
public final class WebHarness {

    private static WebHarness shared;

    private final PackagedPlatform platform;
    private final EmbeddedServer server;
    private final AscentClient admin;

    private WebHarness(PackagedPlatform platform, EmbeddedServer server) {
        this.platform = platform;
        this.server = server;
        this.admin = AscentClient.builder()
                .contentTarget(platform.contentTarget())
                .trackerTarget(platform.trackerTarget())
                .token(PackagedPlatform.ADMIN_TOKEN)
                .build();
    }

    public static synchronized WebHarness shared() throws Exception {
        if (shared == null) {
            PackagedPlatform platform = PackagedPlatform.start(TestDatabase.Engine.H2);
            EmbeddedServer server;
            try {
                server = ApplicationContext.run(
                        EmbeddedServer.class,
                        Map.of(
                                "micronaut.server.port", -1,
                                "ascent.web.content-target", platform.contentTarget(),
                                "ascent.web.tracker-target", platform.trackerTarget()),
                        "test");
            } catch (RuntimeException e) {
                platform.close();
                throw e;
            }
            shared = new WebHarness(platform, server);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    /** Admin access to the platform, for setting up what a test needs. */
    public AscentClient admin() {
        return admin;
    }

    public AscentClient as(String token) {
        return admin.withToken(token);
    }

    /** A new user with a unique handle starting with {@code prefix}; returns {handle, token}. */
    public String[] newUser(String prefix, String displayName) {
        String handle = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        String token = admin.accounts()
                .createUser(CreateUserRequest.newBuilder()
                        .setHandle(handle)
                        .setDisplayName(displayName)
                        .build())
                .getToken();
        return new String[] {handle, token};
    }

    /** A browser-like HTTP client signed in as a new user. */
    public WebUser signedIn(String prefix, String displayName) throws Exception {
        return signedIn(newUser(prefix, displayName));
    }

    /** A browser-like HTTP client signed in with {@code user} = {handle, token} from {@link #newUser}. */
    public WebUser signedIn(String[] user) throws Exception {
        WebUser web = new WebUser(baseUrl(), user[0]);
        web.signIn(user[1]);
        return web;
    }

    /**
     * Through the API: a plan for the mentee, the mentor's accepted mentorship and an approved review of the plan's
     * first item, which is then DONE and verified. Returns that item.
     */
    public PlanItem verifiedItem(String menteeToken, String[] mentor) {
        AscentClient mentee = as(menteeToken);
        AscentClient by = as(mentor[1]);
        Plan plan = mentee.plans()
                .createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole("roles/senior-machine-learning-engineer")
                        .setHoursPerWeek(5)
                        .build())
                .getPlan();
        Mentorship invited = mentee.mentorship()
                .inviteMentor(InviteMentorRequest.newBuilder()
                        .setMentor("users/" + mentor[0])
                        .build())
                .getMentorship();
        by.mentorship()
                .respondToInvitation(RespondToInvitationRequest.newBuilder()
                        .setName(invited.getName())
                        .setAccept(true)
                        .setEtag(invited.getEtag())
                        .build());
        ReviewRequest review = mentee.reviews()
                .requestReview(RequestReviewRequest.newBuilder()
                        .setTarget(plan.getItems(0).getName())
                        .setMentor("users/" + mentor[0])
                        .build())
                .getReviewRequest();
        by.reviews()
                .submitReview(SubmitReviewRequest.newBuilder()
                        .setName(review.getName())
                        .setDecision(ReviewDecision.REVIEW_DECISION_APPROVED)
                        .setComment("Solid")
                        .setEtag(review.getEtag())
                        .build());
        PlanItem item = mentee.plans()
                .getPlan(GetPlanRequest.newBuilder().setName(plan.getName()).build())
                .getPlan()
                .getItems(0);
        if (!item.getVerified() || item.getStatus() != PlanItemStatus.PLAN_ITEM_STATUS_DONE) {
            throw new IllegalStateException("the approval did not verify " + item);
        }
        return item;
    }

    public WebUser visitor() {
        return new WebUser(baseUrl(), null);
    }

    public String adminToken() {
        return PackagedPlatform.ADMIN_TOKEN;
    }

    private void close() {
        try {
            admin.close();
            server.getApplicationContext().close();
            platform.close();
        } catch (Exception e) {
            System.err.println("closing the web harness: " + e.getMessage());
        }
    }
}
