package dev.ascent.tracker;

import static dev.ascent.common.testing.GrpcAssertions.assertInvalidField;
import static dev.ascent.common.testing.GrpcAssertions.assertStatus;
import static dev.ascent.tracker.TrackerHarness.ADMIN_TOKEN;
import static dev.ascent.tracker.TrackerHarness.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.common.testing.PlatformProbes;
import dev.ascent.common.testing.RunningService;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AccessToken;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import dev.ascent.proto.tracker.v1.CreateAccessTokenRequest;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.CreateUserResponse;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import dev.ascent.proto.tracker.v1.ListAccessTokensRequest;
import dev.ascent.proto.tracker.v1.ListAccessTokensResponse;
import dev.ascent.proto.tracker.v1.ResetUserAccessRequest;
import dev.ascent.proto.tracker.v1.ResetUserAccessResponse;
import dev.ascent.proto.tracker.v1.RevokeAccessTokenRequest;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Accounts and tokens over a real channel; runs once per database engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountContract {

    private TrackerHarness tracker;
    private AccountServiceBlockingStub anonymous;

    abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        tracker = TrackerHarness.start(engine(), Map.of());
        anonymous = AccountServiceGrpc.newBlockingStub(tracker.service().channel());
    }

    @AfterAll
    void stop() {
        if (tracker != null) {
            tracker.close();
        }
    }

    private AccountServiceBlockingStub admin() {
        return as(anonymous, ADMIN_TOKEN);
    }

    private CreateUserResponse createUser(String handle) {
        return admin().createUser(CreateUserRequest.newBuilder()
                .setHandle(handle)
                .setDisplayName("User " + handle)
                .build());
    }

    @Test
    void healthAndReflection() throws Exception {
        assertEquals(
                ServingStatus.SERVING, PlatformProbes.health(tracker.service().channel(), ""));
        List<String> services =
                PlatformProbes.reflectedServices(tracker.service().channel());
        assertTrue(services.contains("ascent.tracker.v1.AccountService"), services::toString);
    }

    @Test
    void theAdminExistsFromTheFirstStart() {
        var user = admin().getCurrentUser(GetCurrentUserRequest.getDefaultInstance())
                .getUser();
        assertEquals("users/admin", user.getName());
        assertTrue(user.getAdmin());
    }

    @Test
    void everyAccountRpcNeedsAToken() {
        for (AccountServiceBlockingStub stub : List.of(anonymous, as(anonymous, "asc_unknown"))) {
            assertStatus(
                    Status.Code.UNAUTHENTICATED, () -> stub.getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
            assertStatus(
                    Status.Code.UNAUTHENTICATED,
                    () -> stub.createUser(CreateUserRequest.newBuilder()
                            .setHandle("nobody")
                            .setDisplayName("No Body")
                            .build()));
            assertStatus(
                    Status.Code.UNAUTHENTICATED,
                    () -> stub.createAccessToken(CreateAccessTokenRequest.getDefaultInstance()));
            assertStatus(
                    Status.Code.UNAUTHENTICATED,
                    () -> stub.listAccessTokens(ListAccessTokensRequest.getDefaultInstance()));
            assertStatus(
                    Status.Code.UNAUTHENTICATED,
                    () -> stub.revokeAccessToken(RevokeAccessTokenRequest.newBuilder()
                            .setName("users/admin/accessTokens/1")
                            .build()));
        }
    }

    @Test
    void callsWithoutAValidTokenAreUnauthenticated() {
        assertStatus(
                Status.Code.UNAUTHENTICATED,
                () -> anonymous.getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
        assertStatus(
                Status.Code.UNAUTHENTICATED,
                () -> as(anonymous, "asc_wrong").getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
        assertStatus(
                Status.Code.UNAUTHENTICATED,
                () -> anonymous.createUser(CreateUserRequest.newBuilder()
                        .setHandle("nobody")
                        .setDisplayName("No Body")
                        .build()));
    }

    @Test
    void adminCreatesUsersWhoLogInWithTheirFirstToken() {
        CreateUserResponse created = createUser("ada");
        assertEquals("users/ada", created.getUser().getName());
        assertTrue(created.getToken().length() >= 40, "at least 128 random bits, base64");
        var me = as(anonymous, created.getToken()).getCurrentUser(GetCurrentUserRequest.getDefaultInstance());
        assertEquals("ada", me.getUser().getHandle());
        assertFalse(me.getUser().getAdmin());

        assertStatus(Status.Code.ALREADY_EXISTS, () -> createUser("ada"));
        assertStatus(
                Status.Code.PERMISSION_DENIED,
                () -> as(anonymous, created.getToken())
                        .createUser(CreateUserRequest.newBuilder()
                                .setHandle("eve")
                                .setDisplayName("Eve")
                                .build()));
    }

    /** A lost token used to mean a lost account: creating the user again only said "already exists". */
    @Test
    void theAdminResetsAUsersAccessWithANewTokenRevokingTheOldOnes() throws Exception {
        String first = createUser("lost").getToken();
        String second = as(anonymous, first)
                .createAccessToken(
                        CreateAccessTokenRequest.newBuilder().setLabel("laptop").build())
                .getToken();
        String other = createUser("bystander").getToken();

        ResetUserAccessRequest request = ResetUserAccessRequest.newBuilder()
                .setUser("users/lost")
                .setLabel("new laptop")
                .setRequestId("reset-lost-1")
                .build();
        ResetUserAccessResponse reset = admin().resetUserAccess(request);
        assertEquals("users/lost", reset.getUser().getName());
        assertEquals(2, reset.getRevokedCount());
        assertEquals("new laptop", reset.getAccessToken().getLabel());
        assertTrue(reset.getAccessToken().getName().startsWith("users/lost/accessTokens/"));
        assertEquals(
                "lost",
                as(anonymous, reset.getToken())
                        .getCurrentUser(GetCurrentUserRequest.getDefaultInstance())
                        .getUser()
                        .getHandle());
        for (String old : List.of(first, second)) {
            assertStatus(
                    Status.Code.UNAUTHENTICATED,
                    () -> as(anonymous, old).getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
        }
        as(anonymous, other).getCurrentUser(GetCurrentUserRequest.getDefaultInstance());
        ResetUserAccessResponse retried = admin().resetUserAccess(request);
        assertEquals(reset.getToken(), retried.getToken(), "a retry returns the first result");
        assertEquals(reset.getAccessToken().getName(), retried.getAccessToken().getName());

        try (Connection c = tracker.database().connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT a.type, a.summary, a.plan_id, actor.handle "
                                + "FROM activity a JOIN app_user u ON u.id = a.user_id JOIN app_user actor ON actor.id = "
                                + "a.actor_id WHERE u.handle = 'lost'")) {
            assertTrue(rs.next(), "the reset is in the user's activity");
            assertEquals("ACCESS_RESET", rs.getString(1));
            assertEquals("Access reset by admin: 2 tokens revoked, a new one issued", rs.getString(2));
            assertEquals(0, rs.getLong(3));
            assertTrue(rs.wasNull(), "not tied to a plan");
            assertEquals("admin", rs.getString(4));
            assertFalse(rs.next(), "once, also when retried");
        }

        assertStatus(
                Status.Code.PERMISSION_DENIED,
                () -> as(anonymous, other)
                        .resetUserAccess(ResetUserAccessRequest.newBuilder()
                                .setUser("users/lost")
                                .build()));
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> admin().resetUserAccess(ResetUserAccessRequest.newBuilder()
                        .setUser("users/nobody-here")
                        .build()));
        var adminReset = assertStatus(
                Status.Code.FAILED_PRECONDITION,
                () -> admin().resetUserAccess(ResetUserAccessRequest.newBuilder()
                        .setUser("users/admin")
                        .build()));
        assertEquals(
                "ADMIN_USER",
                dev.ascent.common.testing.GrpcAssertions.errorInfo(adminReset)
                        .orElseThrow()
                        .getReason());
        assertInvalidField(
                "user",
                () -> admin().resetUserAccess(ResetUserAccessRequest.newBuilder()
                        .setUser("lost")
                        .build()));
        assertInvalidField(
                "label",
                () -> admin().resetUserAccess(ResetUserAccessRequest.newBuilder()
                        .setUser("users/lost")
                        .setLabel("x".repeat(101))
                        .build()));
    }

    @Test
    void tokensAreStoredOnlyAsHashes() throws Exception {
        CreateUserResponse created = createUser("hashcheck");
        try (Connection c = tracker.database().connect();
                ResultSet rs = c.createStatement().executeQuery("SELECT token_hash FROM access_token")) {
            while (rs.next()) {
                assertNotEquals(created.getToken(), rs.getString(1));
                assertFalse(rs.getString(1).contains(created.getToken()));
            }
        }
    }

    @Test
    void badUserFieldsAreNamed() {
        assertInvalidField(
                "handle",
                () -> admin().createUser(CreateUserRequest.newBuilder()
                        .setHandle("Bad Handle")
                        .setDisplayName("x")
                        .build()));
        assertInvalidField(
                "display_name",
                () -> admin().createUser(CreateUserRequest.newBuilder()
                        .setHandle("okhandle")
                        .setDisplayName(" ")
                        .build()));
        assertInvalidField(
                "request_id",
                () -> admin().createUser(CreateUserRequest.newBuilder()
                        .setHandle("okhandle")
                        .setDisplayName("Ok")
                        .setRequestId("has spaces")
                        .build()));
    }

    @Test
    void tokensCanBeListedPagedAndRevoked() {
        String first = createUser("grace").getToken();
        AccountServiceBlockingStub grace = as(anonymous, first);
        var second = grace.createAccessToken(
                CreateAccessTokenRequest.newBuilder().setLabel("laptop").build());
        grace.createAccessToken(
                CreateAccessTokenRequest.newBuilder().setLabel("ci").build());

        List<AccessToken> all = new ArrayList<>();
        String pageToken = "";
        do {
            ListAccessTokensResponse page = grace.listAccessTokens(ListAccessTokensRequest.newBuilder()
                    .setPageSize(2)
                    .setPageToken(pageToken)
                    .build());
            all.addAll(page.getAccessTokensList());
            pageToken = page.getNextPageToken();
        } while (!pageToken.isEmpty());
        assertEquals(
                List.of("ci", "laptop", "first token"),
                all.stream().map(AccessToken::getLabel).toList());

        AccountServiceBlockingStub laptop = as(anonymous, second.getToken());
        laptop.getCurrentUser(GetCurrentUserRequest.getDefaultInstance());
        var revoked = grace.revokeAccessToken(RevokeAccessTokenRequest.newBuilder()
                .setName(second.getAccessToken().getName())
                .build());
        assertTrue(revoked.getAccessToken().hasRevokeTime());
        assertStatus(
                Status.Code.UNAUTHENTICATED, () -> laptop.getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
        grace.getCurrentUser(GetCurrentUserRequest.getDefaultInstance());

        // Someone else's token is not found, not forbidden, so its existence does not leak.
        String other = createUser("mallory").getToken();
        assertStatus(
                Status.Code.NOT_FOUND,
                () -> as(anonymous, other)
                        .revokeAccessToken(RevokeAccessTokenRequest.newBuilder()
                                .setName(all.get(0).getName())
                                .build()));
        assertInvalidField(
                "name",
                () -> grace.revokeAccessToken(RevokeAccessTokenRequest.newBuilder()
                        .setName("tokens/1")
                        .build()));
    }

    /**
     * Logins are remembered for a second (Authenticator): a revocation through one instance is refused by that
     * instance at once and by another instance sharing the database within 2 s, although the other instance had
     * just accepted the token.
     */
    @Test
    void aRevocationReachesAnotherInstanceWithinTwoSeconds() throws Exception {
        String token = createUser("riley").getToken();
        try (RunningService other = tracker.startAnotherInstance(Map.of())) {
            AccountServiceBlockingStub onA = as(anonymous, token);
            AccountServiceBlockingStub onB = as(AccountServiceGrpc.newBlockingStub(other.channel()), token);
            String name = onB.getCurrentUser(GetCurrentUserRequest.getDefaultInstance())
                    .getUser()
                    .getName();
            String tokenName = onA.listAccessTokens(ListAccessTokensRequest.getDefaultInstance())
                    .getAccessTokens(0)
                    .getName();
            onA.getCurrentUser(GetCurrentUserRequest.getDefaultInstance());
            onB.getCurrentUser(GetCurrentUserRequest.getDefaultInstance());
            onA.revokeAccessToken(
                    RevokeAccessTokenRequest.newBuilder().setName(tokenName).build());
            long revoked = System.nanoTime();
            assertStatus(
                    Status.Code.UNAUTHENTICATED, () -> onA.getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
            while (true) {
                try {
                    onB.getCurrentUser(GetCurrentUserRequest.getDefaultInstance());
                } catch (io.grpc.StatusRuntimeException e) {
                    assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
                    break;
                }
                assertTrue(
                        System.nanoTime() - revoked < 2_000_000_000L,
                        "the other instance still accepts " + name + "'s revoked token after 2 s");
                Thread.sleep(20);
            }
        }
    }

    @Test
    void concurrentRetriesWithOneRequestIdCreateOneUser() throws Exception {
        CreateUserRequest request = CreateUserRequest.newBuilder()
                .setHandle("retried")
                .setDisplayName("Retried")
                .setRequestId("7b1c7a0e-2f7e-4d0e-9a53-0d5c6f7e8a91")
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<CreateUserResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> admin().createUser(request));
            }
            Set<String> tokens = new HashSet<>();
            Set<String> users = new HashSet<>();
            for (Future<CreateUserResponse> f : pool.invokeAll(calls)) {
                tokens.add(f.get().getToken());
                users.add(f.get().getUser().getName());
            }
            assertEquals(Set.of("users/retried"), users);
            assertEquals(1, tokens.size(), "every retry returns the first response");
        } finally {
            pool.shutdownNow();
        }
        // A retry long after returns the first result too, and a different request with the id is refused.
        assertEquals("users/retried", admin().createUser(request).getUser().getName());
        assertInvalidField(
                "request_id",
                () -> admin().createAccessToken(CreateAccessTokenRequest.newBuilder()
                        .setRequestId(request.getRequestId())
                        .build()));
    }
}
