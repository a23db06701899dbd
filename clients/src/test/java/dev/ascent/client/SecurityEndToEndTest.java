package dev.ascent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.tracker.v1.AccessToken;
import dev.ascent.proto.tracker.v1.ListAccessTokensRequest;
import dev.ascent.proto.tracker.v1.RevokeAccessTokenRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packaged services as an attacker on the same machine, or holding a revoked admin token, meets them. */
class SecurityEndToEndTest {

    private static ImportGuideRequest dryRun() throws Exception {
        Path guides = Path.of(
                System.getProperty("ascent.root", ".."),
                "content-service",
                "src",
                "main",
                "resources",
                "catalog",
                "guides");
        Path guide;
        try (Stream<Path> files = Files.list(guides)) {
            guide = files.filter(f -> f.toString().endsWith("-career-guide.txt"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        return ImportGuideRequest.newBuilder()
                .setText(ByteString.copyFrom(Files.readAllBytes(guide)))
                .setSourceName(guide.getFileName().toString())
                .setDryRun(true)
                .build();
    }

    @Test
    void theDataDirectoryIsOwnerOnlyAndARevokedAdminTokenStopsWorkingOnBothServicesWithinTwoSeconds() throws Exception {
        try (PackagedPlatform platform = PackagedPlatform.start(TestDatabase.Engine.H2);
                AscentClient admin = platform.client(PackagedPlatform.ADMIN_TOKEN)) {
            List<String> loose = new ArrayList<>();
            try (Stream<Path> all = Files.walk(platform.home())) {
                for (Path p : all.toList()) {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    if (!mode.endsWith("------")) {
                        loose.add(p + " " + mode);
                    }
                }
            }
            assertTrue(Files.exists(platform.home().resolve("tracker")), "the embedded tracker database");
            assertEquals(List.of(), loose, "readable by others");

            admin.content().importGuide(dryRun());
            AccessToken adminToken = admin
                    .accounts()
                    .listAccessTokens(ListAccessTokensRequest.newBuilder()
                            .setPageSize(100)
                            .build())
                    .getAccessTokensList()
                    .stream()
                    .filter(t -> t.getLabel().startsWith("admin token") && !t.hasRevokeTime())
                    .findFirst()
                    .orElseThrow();
            admin.accounts()
                    .revokeAccessToken(RevokeAccessTokenRequest.newBuilder()
                            .setName(adminToken.getName())
                            .build());
            long revokedAt = System.nanoTime();
            // Revocation must hold on the content service within 2 s (it confirms the admin token with the tracker).
            while (true) {
                try {
                    admin.content().importGuide(dryRun());
                } catch (UnauthenticatedException refused) {
                    break;
                }
                assertTrue(
                        System.nanoTime() - revokedAt < 2_000_000_000L,
                        "the content service still accepts the revoked admin token after 2 s");
                Thread.sleep(100);
            }
            assertThrows(
                    UnauthenticatedException.class,
                    () -> admin.accounts()
                            .getCurrentUser(dev.ascent.proto.tracker.v1.GetCurrentUserRequest.getDefaultInstance()));
        }
    }

    /**
     * A database URL with its credentials in it ({@code //user:password@host}) works, and no log line of the
     * tracker shows the password: the launcher masks it, and nothing else (Flyway, the pool) prints the URL bare.
     */
    @Test
    void credentialsInTheDatabaseUrlNeverReachTheLog() throws Exception {
        try (TestDatabase db = TestDatabase.mysql()) {
            String encoded = java.net.URLEncoder.encode(db.password(), java.nio.charset.StandardCharsets.UTF_8);
            String url = db.url().replaceFirst("//", "//" + db.user() + ":" + encoded + "@");
            Map<String, String> env = Map.of(
                    "ASCENT_TRACKER_DB_URL",
                    url,
                    "ASCENT_TRACKER_DB_USER",
                    "",
                    "ASCENT_TRACKER_DB_PASSWORD",
                    "",
                    "ASCENT_LOG_LEVEL",
                    "DEBUG");
            try (PackagedPlatform platform =
                    PackagedPlatform.start(TestDatabase.Engine.H2, new PackagedPlatform.Options(false, false, env))) {
                String logs = platform.logs();
                assertTrue(logs.contains(db.user() + ":***@"), "the masked URL is logged at start");
                assertTrue(
                        !db.password().isEmpty() && !logs.contains(db.password()) && !logs.contains(encoded),
                        "the password is in the log");
            }
        }
    }
}
