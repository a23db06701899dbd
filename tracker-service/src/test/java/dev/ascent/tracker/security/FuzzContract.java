package dev.ascent.tracker.security;

import dev.ascent.common.testing.TestDatabase;
import dev.ascent.common.testing.fuzz.DescriptorFuzzer;
import dev.ascent.common.testing.fuzz.DescriptorFuzzer.Caller;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.ListChecklistsRequest;
import dev.ascent.proto.content.v1.ListDesignPromptsRequest;
import dev.ascent.proto.options.v1.AccessProto;
import dev.ascent.proto.tracker.v1.CreateCardRequest;
import dev.ascent.proto.tracker.v1.ListActivityRequest;
import dev.ascent.proto.tracker.v1.ListPlansRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PracticeSession;
import dev.ascent.proto.tracker.v1.RecallServiceGrpc;
import dev.ascent.proto.tracker.v1.RequestReviewRequest;
import dev.ascent.proto.tracker.v1.StartPracticeSessionRequest;
import dev.ascent.tracker.ContentProcess;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.TrackerApplication;
import dev.ascent.tracker.TrackerHarness;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every RPC the tracker serves, called with generated requests ({@link DescriptorFuzzer}) as an engineer, her
 * mentor, the admin and without a token. The engineer owns a plan, a practice session, a review request and a
 * recall card, whose names (and mutations of them) are mixed into the requests so calls reach past validation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FuzzContract {

    private TrackerHarness tracker;
    private Mentors.User engineer;
    private String source;
    private final List<String> names = new ArrayList<>();
    private final List<Caller> callers = new ArrayList<>();
    private final Map<String, List<String>> hints = new HashMap<>();

    abstract TestDatabase.Engine engine();

    /** Calls per run on this engine. */
    abstract int calls();

    @BeforeAll
    void start() throws Exception {
        tracker = TrackerHarness.start(engine());
        Mentors mentors = new Mentors(tracker.service().channel());
        engineer = mentors.user("fuzz");
        Mentors.User mentor = mentors.user("fuzz-mentor");
        names.addAll(List.of(engineer.name(), mentor.name(), Mentors.ROLE, "users/admin"));
        Plan plan = mentors.plan(engineer);
        // Destructive calls get resources of their own, so that the rest keep reaching live ones.
        String spare = mentors.plan(engineer).getName();
        Mentors.User exMentor = mentors.user("fuzz-ex-mentor");
        Mentors.User locked = mentors.user("fuzz-locked-out");
        String ending = mentors.activate(engineer, exMentor).getName();
        names.add(plan.getName());
        List<String> items =
                plan.getItemsList().stream().limit(3).map(PlanItem::getName).toList();
        names.addAll(items);
        String mentorship = mentors.activate(engineer, mentor).getName();
        names.add(mentorship);
        ManagedChannel content = ManagedChannelBuilder.forTarget(
                        ContentProcess.shared().target())
                .usePlaintext()
                .build();
        try {
            var catalog = ContentServiceGrpc.newBlockingStub(content);
            catalog.listDesignPrompts(
                            ListDesignPromptsRequest.newBuilder().setPageSize(3).build())
                    .getDesignPromptsList()
                    .forEach(p -> names.add(p.getName()));
            catalog.listChecklists(
                            ListChecklistsRequest.newBuilder().setPageSize(3).build())
                    .getChecklistsList()
                    .forEach(c -> names.add(c.getName()));
        } finally {
            content.shutdownNow();
        }
        source = names.stream()
                .filter(n -> n.startsWith("designPrompts/"))
                .findFirst()
                .orElseThrow();
        PracticeSession session = mentors.practice(engineer)
                .startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(source)
                        .build())
                .getPracticeSession();
        names.add(session.getName());
        List<String> steps =
                session.getStepsList().stream().limit(2).map(s -> s.getName()).toList();
        names.addAll(steps);
        String review = mentors.reviews(engineer)
                .requestReview(RequestReviewRequest.newBuilder()
                        .setTarget(plan.getItems(0).getName())
                        .setMentor(mentor.name())
                        .build())
                .getReviewRequest()
                .getName();
        names.add(review);
        String card = TrackerHarness.as(
                        RecallServiceGrpc.newBlockingStub(tracker.service().channel()), engineer.token())
                .createCard(CreateCardRequest.newBuilder()
                        .setFront("f")
                        .setBack("b")
                        .build())
                .getCard()
                .getName();
        names.add(card);
        String spareCard = TrackerHarness.as(
                        RecallServiceGrpc.newBlockingStub(tracker.service().channel()), engineer.token())
                .createCard(CreateCardRequest.newBuilder()
                        .setFront("f")
                        .setBack("b")
                        .build())
                .getCard()
                .getName();
        List<String> tokens = List.of(
                mentors.plans(engineer)
                        .listPlans(ListPlansRequest.newBuilder().setPageSize(1).build())
                        .getNextPageToken(),
                mentors.progress(engineer)
                        .listActivity(ListActivityRequest.newBuilder()
                                .setParent(plan.getName())
                                .setPageSize(1)
                                .build())
                        .getNextPageToken());
        names.addAll(tokens);
        List<String> sources = names.stream()
                .filter(n -> n.startsWith("designPrompts/") || n.startsWith("checklists/"))
                .toList();
        hints.putAll(Map.of(
                "name",
                names,
                "parent",
                List.of(engineer.name(), plan.getName()),
                "plan",
                List.of(plan.getName()),
                "plan_item",
                items,
                "source",
                sources,
                "target_role",
                List.of(Mentors.ROLE),
                "target",
                List.of(items.get(1), session.getName()),
                "mentor",
                List.of(mentor.name()),
                "mentee",
                List.of(engineer.name()),
                "page_token",
                tokens));
        hints.putAll(Map.of(
                "practice_session",
                List.of(session.getName()),
                "review_request",
                List.of(review),
                "mentorship",
                List.of(mentorship),
                "step",
                steps,
                "time_zone",
                List.of("UTC", "Europe/Berlin"),
                "day",
                List.of(""),
                "owner",
                List.of(engineer.name()),
                "card",
                List.of(card)));
        hints.putAll(Map.of(
                "SubmitReviewRequest.name",
                List.of(review),
                "RespondToInvitationRequest.name",
                List.of(mentorship),
                "AddCommentRequest.parent",
                items,
                "ListCommentsRequest.parent",
                items,
                "ReviewCardRequest.name",
                List.of(card),
                "DeleteCardRequest.name",
                List.of(spareCard),
                "DeletePlanRequest.name",
                List.of(spare),
                "EndMentorshipRequest.name",
                List.of(ending),
                "SuspendCardRequest.name",
                List.of(card),
                "ResetUserAccessRequest.user",
                List.of(locked.name())));
        callers.addAll(List.of(
                new Caller("engineer", engineer.token()),
                Caller.anonymous(),
                new Caller("mentor", mentor.token()),
                new Caller("admin", TrackerHarness.ADMIN_TOKEN)));
    }

    @AfterAll
    void stop() {
        if (tracker != null) {
            tracker.close();
        }
    }

    /**
     * Found by the fuzz test: the error quoted the etag and outgrew the client's 8 KiB of trailers (INTERNAL). A user
     * of its own: the fuzz run, in whichever order JUnit puts it, may reset the engineer's access or revoke her token.
     */
    @Test
    void aHugeStaleEtagIsAbortedNotInternal() {
        Mentors mentors = new Mentors(tracker.service().channel());
        var practice = mentors.practice(mentors.user("etag"));
        String fresh = practice.startPracticeSession(StartPracticeSessionRequest.newBuilder()
                        .setSource(source)
                        .build())
                .getPracticeSession()
                .getName();
        Mentors.refused(
                io.grpc.Status.Code.ABORTED,
                () -> practice.abandonPracticeSession(
                        dev.ascent.proto.tracker.v1.AbandonPracticeSessionRequest.newBuilder()
                                .setName(fresh)
                                .setEtag("9".repeat(100_000))
                                .build()),
                "a stale etag of 100,000 characters");
    }

    /** Found by the fuzz test: H2's BACKUP TO fails on an in-memory database, which answered INTERNAL. */
    @Test
    void aBackupOfADatabaseWithoutFilesIsAFailedPrecondition() {
        Mentors.refused(
                io.grpc.Status.Code.FAILED_PRECONDITION,
                () -> TrackerHarness.as(
                                dev.ascent.proto.tracker.v1.AdminServiceGrpc.newBlockingStub(
                                        tracker.service().channel()),
                                TrackerHarness.ADMIN_TOKEN)
                        .backupDatabase(dev.ascent.proto.tracker.v1.BackupDatabaseRequest.getDefaultInstance())
                        .hasNext(),
                "a backup of a test database (in memory, or MySQL)");
    }

    @Test
    void noRequestGetsInternalAndNoCallWithoutATokenGetsIn() throws Exception {
        DescriptorFuzzer fuzzer = DescriptorFuzzer.of(
                        tracker.service()
                                .context()
                                .getBean(GrpcEmbeddedServer.class)
                                .getServer(),
                        tracker.service().channel())
                .callers(callers)
                .names(names)
                .hints(hints)
                .maxInboundBytes(TrackerApplication.SPEC.maxInboundBytes())
                .noCredentials(m -> m.getOptions().getExtension(AccessProto.noCredentials));
        fuzzer.run(
                calls(),
                "./mvnw -B -pl tracker-service -am verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest="
                        + getClass().getSimpleName());
    }
}
