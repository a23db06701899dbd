package dev.ascent.tracker.security;

import static dev.ascent.common.testing.GrpcAssertions.assertStatus;
import static dev.ascent.tracker.TrackerHarness.ADMIN_TOKEN;
import static dev.ascent.tracker.TrackerHarness.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.ascent.common.testing.GrpcAssertions;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc.AccountServiceBlockingStub;
import dev.ascent.proto.tracker.v1.CreateAccessTokenRequest;
import dev.ascent.proto.tracker.v1.CreateAccessTokenResponse;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.CreateUserResponse;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import dev.ascent.tracker.TrackerHarness;
import dev.ascent.tracker.grpc.RequestLogPurge;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * As someone who can read the tracker's database (or a backup of it) would try: no token secret is in any row of
 * any table, request_log included; idempotent retries of token-creating calls stay safe; the request log expires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SecretsContract {

    private static final long HOUR_MICROS = 3_600_000_000L;

    private TrackerHarness tracker;
    private AccountServiceBlockingStub admin;
    private final List<String> secrets = new ArrayList<>();

    abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        tracker = TrackerHarness.start(
                engine(), Map.of("ascent.request-log.secret-window", "2s", "ascent.request-log.purge-interval", "1h"));
        admin = as(AccountServiceGrpc.newBlockingStub(tracker.service().channel()), ADMIN_TOKEN);
        secrets.add(ADMIN_TOKEN);
    }

    @AfterAll
    void stop() {
        if (tracker != null) {
            tracker.close();
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private CreateUserResponse createUser(String handle, String requestId) {
        CreateUserResponse r = admin.createUser(CreateUserRequest.newBuilder()
                .setHandle(handle)
                .setDisplayName("User " + handle)
                .setRequestId(requestId)
                .build());
        secrets.add(r.getToken());
        return r;
    }

    @Test
    void noTokenSecretIsAnywhereInTheDatabase() throws Exception {
        for (int i = 0; i < 3; i++) {
            String requestId = id();
            CreateUserResponse user = createUser("secret-user-" + i, requestId);
            AccountServiceBlockingStub stub =
                    as(AccountServiceGrpc.newBlockingStub(tracker.service().channel()), user.getToken());
            CreateAccessTokenRequest more = CreateAccessTokenRequest.newBuilder()
                    .setLabel("laptop " + i)
                    .setRequestId(id())
                    .build();
            CreateAccessTokenResponse token = stub.createAccessToken(more);
            secrets.add(token.getToken());
            // A prompt retry gets the same secret back: it was kept, sealed, for the window.
            assertEquals(token.getToken(), stub.createAccessToken(more).getToken());
            assertFalse(stub.createAccessToken(more).getTokenWithheld());
            secrets.add(stub.createAccessToken(CreateAccessTokenRequest.newBuilder()
                            .setLabel("no id")
                            .build())
                    .getToken());
        }
        List<String> found = searchEveryColumn(secrets);
        assertEquals(List.of(), found, "token secrets readable in the database");
        assertTrue(
                rowCount("SELECT COUNT(*) FROM request_log WHERE sealed_secret IS NOT NULL") >= 6,
                "the retries above were answered from sealed secrets");
    }

    @Test
    void aRequestIdReusedForADifferentRequestIsRefused() {
        CreateUserResponse user = createUser("reused-id", id());
        AccountServiceBlockingStub stub =
                as(AccountServiceGrpc.newBlockingStub(tracker.service().channel()), user.getToken());
        String requestId = id();
        CreateAccessTokenResponse first = stub.createAccessToken(CreateAccessTokenRequest.newBuilder()
                .setLabel("laptop")
                .setRequestId(requestId)
                .build());
        secrets.add(first.getToken());
        GrpcAssertions.assertInvalidField(
                "request_id",
                () -> stub.createAccessToken(CreateAccessTokenRequest.newBuilder()
                        .setLabel("phone")
                        .setRequestId(requestId)
                        .build()));
        assertEquals(
                first.getToken(),
                stub.createAccessToken(CreateAccessTokenRequest.newBuilder()
                                .setLabel("laptop")
                                .setRequestId(requestId)
                                .build())
                        .getToken());
    }

    @Test
    void aRetryAfterTheSecretWindowGetsTheMetadataWithTheSecretWithheld() throws Exception {
        String requestId = id();
        CreateUserResponse first = createUser("late-retry", requestId);
        CreateUserRequest retry = CreateUserRequest.newBuilder()
                .setHandle("late-retry")
                .setDisplayName("User late-retry")
                .setRequestId(requestId)
                .build();
        assertEquals(first.getToken(), admin.createUser(retry).getToken());
        Thread.sleep(2_200);
        CreateUserResponse late = admin.createUser(retry);
        assertTrue(late.getTokenWithheld());
        assertEquals("", late.getToken());
        assertEquals(first.getUser(), late.getUser());
        assertEquals(first.getAccessToken().getName(), late.getAccessToken().getName());
        // The token itself still works; only its secret is no longer handed out.
        assertEquals(
                "late-retry",
                as(AccountServiceGrpc.newBlockingStub(tracker.service().channel()), first.getToken())
                        .getCurrentUser(GetCurrentUserRequest.getDefaultInstance())
                        .getUser()
                        .getHandle());

        tracker.service().context().getBean(RequestLogPurge.class).purge();
        assertEquals(
                0,
                rowCount("SELECT COUNT(*) FROM request_log WHERE request_id = '" + requestId
                        + "' AND (sealed_secret IS NOT NULL OR secret_expire_time IS NOT NULL)"));
        assertTrue(admin.createUser(retry).getTokenWithheld());
    }

    @Test
    void expiredRowsArePurgedInBoundedBatchesAndTheirRetriesRunAgain() throws Exception {
        String requestId = id();
        createUser("purged-retry", requestId);
        long now = System.currentTimeMillis() * 1000;
        int old = 1_234;
        try (Connection c = tracker.database().connect();
                PreparedStatement ps = c.prepareStatement("INSERT INTO request_log (user_id, request_id, method, "
                        + "response, create_time) VALUES (?, ?, 'LogTime', ?, ?)")) {
            for (int i = 0; i < old; i++) {
                ps.setLong(1, 424242);
                ps.setString(2, "old-" + i);
                ps.setBytes(3, new byte[] {1, 2, 3});
                ps.setLong(4, now - 25 * HOUR_MICROS - i);
                ps.addBatch();
            }
            ps.setLong(1, 424242);
            ps.setString(2, "fresh");
            ps.setBytes(3, new byte[] {1});
            ps.setLong(4, now - HOUR_MICROS);
            ps.addBatch();
            ps.executeBatch();
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE request_log SET create_time = " + (now - 25 * HOUR_MICROS)
                        + " WHERE request_id = '" + requestId + "'");
            }
        }
        int purged = tracker.service().context().getBean(RequestLogPurge.class).purge();
        assertTrue(purged >= old + 1, "purged " + purged);
        assertEquals(0, rowCount("SELECT COUNT(*) FROM request_log WHERE create_time < " + (now - 24 * HOUR_MICROS)));
        assertEquals(1, rowCount("SELECT COUNT(*) FROM request_log WHERE request_id = 'fresh'"));
        // The retry's record is gone, so it runs again and finds the user it made the first time.
        assertStatus(
                Status.Code.ALREADY_EXISTS,
                () -> admin.createUser(CreateUserRequest.newBuilder()
                        .setHandle("purged-retry")
                        .setDisplayName("User purged-retry")
                        .setRequestId(requestId)
                        .build()));
    }

    /**
     * At DEBUG, gRPC's HTTP/2 frame loggers would print every header, the bearer token included; the service's
     * logging caps them at INFO. Everything logged while users are made and their tokens used is searched.
     */
    @Test
    void noTokenReachesTheLogEvenAtDebug() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        StringBuffer logged = new StringBuffer();
        AtomicInteger debugLines = new AtomicInteger();
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel() == Level.DEBUG) {
                    debugLines.incrementAndGet();
                }
                logged.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
                if (event.getThrowableProxy() != null) {
                    logged.append(' ').append(event.getThrowableProxy().getMessage());
                }
                logged.append('\n');
            }
        };
        capture.setContext(context);
        capture.start();
        root.addAppender(capture);
        root.setLevel(Level.DEBUG);
        List<String> used = new ArrayList<>();
        try {
            LoggerFactory.getLogger("ascent.test").debug("the root level is DEBUG");
            CreateUserResponse user = createUser("logged-user", id());
            used.add(user.getToken());
            AccountServiceBlockingStub stub =
                    as(AccountServiceGrpc.newBlockingStub(tracker.service().channel()), user.getToken());
            CreateAccessTokenResponse token = stub.createAccessToken(CreateAccessTokenRequest.newBuilder()
                    .setLabel("logged laptop")
                    .setRequestId(id())
                    .build());
            secrets.add(token.getToken());
            used.add(token.getToken());
            as(AccountServiceGrpc.newBlockingStub(tracker.service().channel()), token.getToken())
                    .getCurrentUser(GetCurrentUserRequest.getDefaultInstance());
        } finally {
            root.setLevel(before);
            root.detachAppender(capture);
        }
        assertTrue(debugLines.get() > 0, "the capture saw the probe's DEBUG line:\n" + logged);
        assertTrue(logged.toString().contains("CreateAccessToken OK"), "the calls were logged:\n" + logged);
        for (String secret : used) {
            assertFalse(logged.toString().contains(secret), "a token secret was logged:\n" + logged);
        }
    }

    /** Last: every secret any test of the class handed out (the admin's too), searched for in every column. */
    @Test
    @Order(Integer.MAX_VALUE)
    void noSecretCreatedByAnyTestIsInTheDatabase() throws Exception {
        assertEquals(List.of(), searchEveryColumn(secrets), "token secrets readable in the database");
    }

    private static String text(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (value instanceof java.sql.Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.ISO_8859_1);
        }
        if (value instanceof java.sql.Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value.toString();
    }

    private long rowCount(String sql) throws SQLException {
        try (Connection c = tracker.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every value of every column of every table, as text and as bytes, searched for each secret. */
    private List<String> searchEveryColumn(List<String> wanted) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = tracker.database().connect()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertTrue(tables.stream().anyMatch(t -> t.equalsIgnoreCase("request_log")), tables::toString);
            for (String table : tables) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            if (value == null) {
                                continue;
                            }
                            String text = text(value);
                            for (String secret : wanted) {
                                if (text.contains(secret)) {
                                    found.add(table + "." + rs.getMetaData().getColumnName(i));
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
