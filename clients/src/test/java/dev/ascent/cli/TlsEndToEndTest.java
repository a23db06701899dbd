package dev.ascent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.ascent.client.AscentClient;
import dev.ascent.client.PackagedPlatform;
import dev.ascent.client.UnavailableException;
import dev.ascent.common.testing.TestCertificates;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ListRolesRequest;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both packaged services serving TLS with a certificate made in the test: the Java client and the CLI connect with
 * the certificate as their CA, the tracker reaches the content service over TLS (CreatePlan reads the role there),
 * the content service confirms the admin token with the tracker over TLS (an import), and a plain-text client gets
 * nowhere.
 */
class TlsEndToEndTest {

    @Test
    void theServicesServeTlsToEachOtherAndToClientsThatTrustTheCertificate() throws Exception {
        Path dir = Files.createTempDirectory("ascent-tls");
        TestCertificates certs = TestCertificates.selfSigned(dir);
        Map<String, String> tls = Map.of(
                "ASCENT_TLS_CERT_FILE",
                certs.certificate().toString(),
                "ASCENT_TLS_KEY_FILE",
                certs.privateKey().toString());
        try (PackagedPlatform platform = PackagedPlatform.start(
                        TestDatabase.Engine.H2, new PackagedPlatform.Options(false, false, Map.of(), tls));
                AscentClient admin = platform.client(PackagedPlatform.ADMIN_TOKEN)) {
            String token = admin.accounts()
                    .createUser(CreateUserRequest.newBuilder()
                            .setHandle("tls-ann")
                            .setDisplayName("Ann")
                            .build())
                    .getToken();
            try (AscentClient ann = platform.client(token)) {
                assertTrue(
                        ann.plans()
                                        .createPlan(CreatePlanRequest.newBuilder()
                                                .setTargetRole("roles/senior-machine-learning-engineer")
                                                .setHoursPerWeek(6)
                                                .build())
                                        .getPlan()
                                        .getItemsCount()
                                > 0,
                        "the tracker read the role from the content service");
            }
            admin.content()
                    .importGuide(ImportGuideRequest.newBuilder()
                            .setTitle("Tls Role")
                            .setDryRun(true)
                            .setText(ByteString.copyFromUtf8("Overview\nA role.\nSkills\n- Python\n"))
                            .setSourceName("tls.txt")
                            .build());

            Map<String, String> env = Map.of(
                    "ASCENT_CONTENT_TARGET",
                    platform.contentTarget(),
                    "ASCENT_TRACKER_TARGET",
                    platform.trackerTarget(),
                    "ASCENT_TOKEN",
                    token,
                    "ASCENT_CONFIG",
                    dir.resolve("cli.properties").toString());
            CliRun whoami = CliRun.run(
                    env, "", "whoami", "--ca-file", certs.certificate().toString());
            assertEquals(0, whoami.exitCode, whoami.toString());
            assertTrue(whoami.out.contains("tls-ann"), whoami.toString());
            Map<String, String> withCaVariable = new java.util.HashMap<>(env);
            withCaVariable.put("ASCENT_TLS_CA_FILE", certs.certificate().toString());
            CliRun roles = CliRun.run(withCaVariable, "", "roles");
            assertEquals(0, roles.exitCode, roles.toString());

            try (AscentClient plain = AscentClient.builder()
                    .contentTarget(platform.contentTarget())
                    .trackerTarget(platform.trackerTarget())
                    .token(token)
                    .retryPolicy(dev.ascent.client.RetryPolicy.NONE)
                    .build()) {
                assertThrows(
                        UnavailableException.class,
                        () -> plain.content().listRoles(ListRolesRequest.getDefaultInstance()));
                assertThrows(
                        UnavailableException.class,
                        () -> plain.accounts().getCurrentUser(GetCurrentUserRequest.getDefaultInstance()));
            }
            CliRun plainCli = CliRun.run(env, "", "whoami");
            assertEquals(5, plainCli.exitCode, "unavailable: " + plainCli);
        }
    }
}
