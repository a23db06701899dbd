package dev.ascent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.GetRoleRequest;
import dev.ascent.proto.content.v1.ListRolesRequest;
import dev.ascent.proto.content.v1.SearchContentRequest;
import dev.ascent.proto.tracker.v1.ActivityEvent;
import dev.ascent.proto.tracker.v1.ActivityType;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.CreatePlanResponse;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import dev.ascent.proto.tracker.v1.ListActivityRequest;
import dev.ascent.proto.tracker.v1.ListPlansRequest;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.WatchActivityRequest;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Deadline;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client library against the packaged services started as processes; no stub is mocked. */
class ClientLibraryTest {

    static final String SENIOR_MLE = "roles/senior-machine-learning-engineer";
    static PackagedPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = PackagedPlatform.start(TestDatabase.Engine.H2);
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    static String newUser(String handle) {
        try (AscentClient admin = platform.client(PackagedPlatform.ADMIN_TOKEN)) {
            return admin.accounts()
                    .createUser(CreateUserRequest.newBuilder()
                            .setHandle(handle)
                            .setDisplayName("User " + handle)
                            .build())
                    .getToken();
        }
    }

    @Test
    void failuresArriveAsTypedExceptionsWithTheirDetails() {
        try (AscentClient client = platform.client(newUser("typed-ann"))) {
            NotFoundException missing = assertThrows(
                    NotFoundException.class,
                    () -> client.content()
                            .getRole(GetRoleRequest.newBuilder()
                                    .setName("roles/no-such-role")
                                    .build()));
            assertEquals(Status.Code.NOT_FOUND, missing.code());

            InvalidArgumentException bad = assertThrows(
                    InvalidArgumentException.class,
                    () -> client.plans()
                            .createPlan(CreatePlanRequest.newBuilder()
                                    .setTargetRole(SENIOR_MLE)
                                    .setHoursPerWeek(500)
                                    .addSkillRatings(dev.ascent.proto.tracker.v1.SkillRating.newBuilder()
                                            .setSkill("python")
                                            .setRating(9))
                                    .build()));
            List<String> fields =
                    bad.fieldViolations().stream().map(v -> v.getField()).toList();
            assertTrue(fields.contains("hours_per_week"), fields::toString);
            assertTrue(fields.contains("skill_ratings[0].rating"), fields::toString);
            assertTrue(bad.description().contains("hours_per_week: "), bad.description());
            assertFalse(bad.details().isEmpty());
        }
        try (AscentClient anonymous = platform.client(null)) {
            assertThrows(
                    UnauthenticatedException.class,
                    () -> anonymous.accounts().getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
        }
        try (AscentClient user = platform.client(newUser("typed-bob"))) {
            assertThrows(
                    PermissionDeniedException.class,
                    () -> user.accounts()
                            .createUser(CreateUserRequest.newBuilder()
                                    .setHandle("someone")
                                    .setDisplayName("Someone")
                                    .build()));
        }
    }

    @Test
    void everyUnaryCallCarriesTheDefaultDeadline() {
        List<Deadline> seen = new CopyOnWriteArrayList<>();
        ClientInterceptor recorder = new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> m, CallOptions o, Channel next) {
                seen.add(o.getDeadline());
                return next.newCall(m, o);
            }
        };
        try (AscentClient client =
                builder().deadline(Duration.ofSeconds(7)).intercept(recorder).build()) {
            client.content().listRoles(ListRolesRequest.getDefaultInstance());
        }
        assertEquals(1, seen.size());
        long left = seen.get(0).timeRemaining(TimeUnit.MILLISECONDS);
        assertTrue(left > 0 && left <= 7000, "deadline in " + left + " ms");

        try (AscentClient hasty = builder().deadline(Duration.ofNanos(1)).build()) {
            assertThrows(
                    DeadlineExceededException.class,
                    () -> hasty.content()
                            .searchContent(SearchContentRequest.newBuilder()
                                    .setQuery("machine learning")
                                    .build()));
        }
    }

    /** The catalog's reads need no token, so a user's token never reaches the content service; imports and plans do. */
    @Test
    void theTokenGoesOnlyToMethodsThatNeedIt() throws Exception {
        Map<String, Boolean> withToken = new java.util.concurrent.ConcurrentHashMap<>();
        ClientInterceptor recorder = new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> m, CallOptions o, Channel next) {
                withToken.put(m.getBareMethodName(), o.getCredentials() != null);
                return next.newCall(m, o);
            }
        };
        try (AscentClient admin = builder()
                .token(PackagedPlatform.ADMIN_TOKEN)
                .intercept(recorder)
                .build()) {
            admin.content().listRoles(ListRolesRequest.getDefaultInstance());
            admin.content()
                    .searchContent(
                            SearchContentRequest.newBuilder().setQuery("model").build());
            admin.content()
                    .importGuide(dev.ascent.proto.content.v1.ImportGuideRequest.newBuilder()
                            .setText(com.google.protobuf.ByteString.copyFromUtf8(
                                    "Overview\nA role.\nSkills\n- Python\n"))
                            .setSourceName("tiny.txt")
                            .setTitle("Tiny Role")
                            .setDryRun(true)
                            .build());
            admin.accounts().getCurrentUser(dev.ascent.proto.tracker.v1.GetCurrentUserRequest.getDefaultInstance());
        }
        assertEquals(
                Map.of("ListRoles", false, "SearchContent", false, "ImportGuide", true, "GetCurrentUser", true),
                withToken);
    }

    @Test
    void aReadIsRetriedWhileTheServiceIsDownAndSucceedsOnceItIsBack() throws Exception {
        platform.stop("content");
        try (AscentClient once = builder().retryPolicy(RetryPolicy.NONE).build();
                AscentClient patient = builder()
                        .retryPolicy(new RetryPolicy(200, Duration.ofMillis(100), Duration.ofMillis(500)))
                        .build()) {
            assertThrows(
                    UnavailableException.class, () -> once.content().listRoles(ListRolesRequest.getDefaultInstance()));
            CompletableFuture<Integer> roles = CompletableFuture.supplyAsync(() -> patient.content()
                    .listRoles(ListRolesRequest.getDefaultInstance())
                    .getRolesCount());
            Thread.sleep(1000);
            assertFalse(roles.isDone(), "answered while the service was down");
            platform.restart("content");
            assertTrue(roles.get(60, TimeUnit.SECONDS) > 0);
        } finally {
            if (!platform.isRunning("content")) {
                platform.restart("content");
            }
        }
    }

    @Test
    void followResumesAfterTheTrackerRestartsWithoutLosingOrRepeatingEvents() throws Exception {
        String token = newUser("follower");
        try (AscentClient client = platform.client(token)) {
            String item = client.plans()
                    .createPlan(CreatePlanRequest.newBuilder()
                            .setTargetRole(SENIOR_MLE)
                            .setHoursPerWeek(6)
                            .build())
                    .getPlan()
                    .getItems(0)
                    .getName();
            String plan = item.substring(0, item.indexOf("/items/"));
            long after = client.progress()
                    .listActivity(ListActivityRequest.newBuilder()
                            .setParent(plan)
                            .setPageSize(1)
                            .build())
                    .getActivityEvents(0)
                    .getSequence();
            // Every event, and the TIME_LOGGED ones (the first log also moves the item to IN_PROGRESS).
            List<ActivityEvent> all = new CopyOnWriteArrayList<>();
            List<ActivityEvent> events = new CopyOnWriteArrayList<>();
            CompletableFuture<Long> following = CompletableFuture.supplyAsync(() -> client.activity()
                    .follow(
                            WatchActivityRequest.newBuilder()
                                    .setAfterSequence(after)
                                    .setHeartbeatSeconds(1)
                                    .build(),
                            r -> {
                                if (r.hasEvent()) {
                                    all.add(r.getEvent());
                                    if (r.getEvent().getType() == ActivityType.ACTIVITY_TYPE_TIME_LOGGED) {
                                        events.add(r.getEvent());
                                    }
                                }
                                return events.size() < 4;
                            }));
            for (int minutes = 1; minutes <= 2; minutes++) {
                client.plans()
                        .logTime(LogTimeRequest.newBuilder()
                                .setPlanItem(item)
                                .setMinutes(minutes)
                                .build());
            }
            for (int i = 0; i < 100 && events.size() < 2; i++) {
                Thread.sleep(100);
            }
            assertEquals(2, events.size(), "the first two events arrive before the restart");

            platform.stop("tracker");
            try {
                platform.restart("tracker");
            } finally {
                if (!platform.isRunning("tracker")) {
                    platform.restart("tracker");
                }
            }
            for (int minutes = 3; minutes <= 4; minutes++) {
                client.plans()
                        .logTime(LogTimeRequest.newBuilder()
                                .setPlanItem(item)
                                .setMinutes(minutes)
                                .build());
            }
            long cursor = following.get(60, TimeUnit.SECONDS);
            assertEquals(
                    List.of(1, 2, 3, 4),
                    events.stream().map(ActivityEvent::getMinutes).toList());
            assertEquals(events.get(3).getSequence(), cursor);
            assertEquals(5, all.size(), all::toString);
            for (int i = 1; i < all.size(); i++) {
                assertTrue(all.get(i).getSequence() > all.get(i - 1).getSequence(), all::toString);
            }
        }
    }

    @Test
    void aWriteGetsARequestIdSoARetryAfterALostResponseCreatesOnePlan() {
        List<String> requestIds = new CopyOnWriteArrayList<>();
        AtomicBoolean dropped = new AtomicBoolean();
        CompletableFuture<String> droppedPlan = new CompletableFuture<>();
        ClientInterceptor loseFirstAnswer = new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> m, CallOptions o, Channel next) {
                if (!m.getFullMethodName().endsWith("/CreatePlan")) {
                    return next.newCall(m, o);
                }
                return new SimpleForwardingClientCall<>(next.newCall(m, o)) {
                    @Override
                    public void sendMessage(Q message) {
                        requestIds.add(((CreatePlanRequest) message).getRequestId());
                        super.sendMessage(message);
                    }

                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        super.start(
                                new SimpleForwardingClientCallListener<>(listener) {
                                    private boolean lose;

                                    @Override
                                    public void onMessage(R message) {
                                        // The server did the work; the caller never hears of it, as after a lost
                                        // connection.
                                        lose = dropped.compareAndSet(false, true);
                                        if (lose) {
                                            droppedPlan.complete(((CreatePlanResponse) message)
                                                    .getPlan()
                                                    .getName());
                                        } else {
                                            super.onMessage(message);
                                        }
                                    }

                                    @Override
                                    public void onClose(Status status, Metadata trailers) {
                                        super.onClose(
                                                lose ? Status.UNAVAILABLE.withDescription("connection lost") : status,
                                                trailers);
                                    }
                                },
                                headers);
                    }
                };
            }
        };
        try (AscentClient client =
                builder().token(newUser("retry-cat")).intercept(loseFirstAnswer).build()) {
            CreatePlanResponse created = client.plans()
                    .createPlan(CreatePlanRequest.newBuilder()
                            .setTargetRole(SENIOR_MLE)
                            .setHoursPerWeek(6)
                            .build());
            assertEquals(2, requestIds.size(), "one retry");
            assertFalse(requestIds.get(0).isEmpty());
            assertEquals(requestIds.get(0), requestIds.get(1));
            assertEquals(droppedPlan.getNow(null), created.getPlan().getName());
            assertEquals(
                    1,
                    client.plans()
                            .listPlans(ListPlansRequest.getDefaultInstance())
                            .getPlansCount());
        }
    }

    @Test
    void requestIdsAreFilledOnlyWhenEmptyAndOnlyOnWritesThatHaveOne() {
        CreatePlanRequest filled = Calls.withRequestId(CreatePlanRequest.getDefaultInstance());
        assertNotNull(filled);
        assertEquals(36, filled.getRequestId().length());
        CreatePlanRequest mine =
                CreatePlanRequest.newBuilder().setRequestId("my-id").build();
        assertEquals("my-id", Calls.withRequestId(mine).getRequestId());
        assertNull(Calls.withRequestId(dev.ascent.proto.content.v1.ImportGuideRequest.getDefaultInstance()));
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUpToTheCap() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        for (int i = 0; i < 50; i++) {
            long first = p.backoff(1).toMillis();
            long third = p.backoff(3).toMillis();
            long tenth = p.backoff(10).toMillis();
            assertTrue(first >= 50 && first <= 100, "first " + first);
            assertTrue(third >= 200 && third <= 400, "third " + third);
            assertTrue(tenth >= 500 && tenth <= 1000, "tenth " + tenth);
        }
    }

    private static AscentClient.Builder builder() {
        return AscentClient.builder().contentTarget(platform.contentTarget()).trackerTarget(platform.trackerTarget());
    }

    @Test
    void aViewWithAnotherTokenSharesTheChannelsAndClosingItLeavesThemOpen() {
        String ann = newUser("view-ann");
        String bob = newUser("view-bob");
        try (AscentClient shared = platform.client(null)) {
            try (AscentClient asAnn = shared.withToken(ann)) {
                assertEquals(
                        "users/view-ann",
                        asAnn.accounts()
                                .getCurrentUser(GetCurrentUserRequest.getDefaultInstance())
                                .getUser()
                                .getName());
                assertEquals(shared.channel(AscentClient.Service.TRACKER), asAnn.channel(AscentClient.Service.TRACKER));
            }
            assertFalse(shared.channel(AscentClient.Service.TRACKER).isShutdown());
            assertEquals(
                    "users/view-bob",
                    shared.withToken(bob)
                            .accounts()
                            .getCurrentUser(GetCurrentUserRequest.getDefaultInstance())
                            .getUser()
                            .getName());
            assertThrows(
                    UnauthenticatedException.class,
                    () -> shared.accounts().getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
        }
    }
}
