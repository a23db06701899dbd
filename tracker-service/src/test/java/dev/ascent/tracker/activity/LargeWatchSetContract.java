package dev.ascent.tracker.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.CreateAccessTokenRequest;
import dev.ascent.proto.tracker.v1.RevokeAccessTokenRequest;
import dev.ascent.tracker.Mentors;
import dev.ascent.tracker.TrackerHarness;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The live stream's periodic reads over more open streams than one SQL statement takes parameters (MySQL: 65,535):
 * the revocation check of 70,000 tokens, the mentee lookup of 70,000 watchers and a backlog over 70,000 owners
 * are read in bounded IN lists and give the same answer as one query would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LargeWatchSetContract {

    private static final int MANY = 70_000;
    private TrackerHarness tracker;
    private StreamQueries queries;

    abstract TestDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        tracker = TrackerHarness.start(engine());
        queries = tracker.service().context().getBean(StreamQueries.class);
    }

    @AfterAll
    void stop() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void seventyThousandTokensAreCheckedForRevocation() throws Exception {
        Mentors mentors = new Mentors(tracker.service().channel());
        Mentors.User user = mentors.user("many");
        var accounts = TrackerHarness.as(
                AccountServiceGrpc.newBlockingStub(tracker.service().channel()), user.token());
        var revoked = accounts.createAccessToken(
                CreateAccessTokenRequest.newBuilder().setLabel("soon revoked").build());
        accounts.revokeAccessToken(RevokeAccessTokenRequest.newBuilder()
                .setName(revoked.getAccessToken().getName())
                .build());
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            hashes.add(sha256("unknown-" + i));
        }
        hashes.add(MANY / 2, sha256(user.token()));
        hashes.add(sha256(revoked.getToken()));
        assertEquals(Set.of(sha256(user.token())), queries.validTokens(hashes));
    }

    @Test
    void seventyThousandWatchersGetTheirMenteesAndBacklog() throws Exception {
        Mentors mentors = new Mentors(tracker.service().channel());
        Mentors.User mentee = mentors.user("mentee");
        Mentors.User mentor = mentors.user("mentor");
        mentors.activate(mentee, mentor);
        mentors.plan(mentee);
        long menteeId = id(mentee);
        long mentorId = id(mentor);
        List<Long> ids = new ArrayList<>();
        for (long i = 0; i < MANY; i++) {
            ids.add(-1 - i);
        }
        ids.add(MANY - 3, mentorId);
        Map<Long, Set<Long>> mentees = queries.activeMentees(ids);
        assertEquals(MANY + 1, mentees.size());
        assertEquals(Set.of(menteeId), mentees.get(mentorId));
        List<Long> owners = new ArrayList<>(ids);
        owners.remove(mentorId);
        owners.add(menteeId);
        List<ActivityRow> backlog = queries.backlog(0, queries.maxSeq(), owners, null, 1000);
        assertTrue(
                !backlog.isEmpty() && backlog.stream().allMatch(r -> r.ownerId() == menteeId),
                "the mentee's " + "events, found in the last chunk: " + backlog.size());
        assertEquals(
                backlog.stream().map(ActivityRow::seq).sorted().toList(),
                backlog.stream().map(ActivityRow::seq).toList(),
                "in sequence order");
        assertEquals(
                backlog.subList(0, 1),
                queries.backlog(0, queries.maxSeq(), owners, null, 1),
                "a limit keeps the first events");
    }

    private long id(Mentors.User user) throws Exception {
        try (var c = tracker.database().connect();
                var ps = c.prepareStatement("SELECT id FROM app_user WHERE handle = ?")) {
            ps.setString(1, user.handle());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
