package dev.ascent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLauncherTest {

    private static final ServiceSpec SPEC = new ServiceSpec("demo", "ASCENT_DEMO", 50099);

    @TempDir
    Path home;

    @Test
    void defaultsToAnEmbeddedH2DatabaseUnderTheDataDirectory() {
        ServiceSettings s = ServiceSettings.fromEnvironment(SPEC, Map.of("ASCENT_HOME", home.toString()));
        assertEquals(50099, s.port());
        assertTrue(s.embedded());
        assertEquals("jdbc:h2:file:" + home.resolve("demo/db") + ServiceSettings.H2_OPTIONS, s.dbUrl());
        assertEquals("org.h2.Driver", s.properties().get("datasources.default.driver-class-name"));
    }

    @Test
    void mysqlSettingsComeFromTheServicesVariables() {
        ServiceSettings s = ServiceSettings.fromEnvironment(
                SPEC,
                Map.of(
                        "ASCENT_DEMO_DB_URL",
                        "jdbc:mysql://db:3306/demo?password=secret",
                        "ASCENT_DEMO_DB_USER",
                        "u",
                        "ASCENT_DEMO_DB_PASSWORD",
                        "p",
                        "ASCENT_DEMO_PORT",
                        "6000"));
        assertFalse(s.embedded());
        assertEquals(6000, s.port());
        assertEquals("com.mysql.cj.jdbc.Driver", s.properties().get("datasources.default.driver-class-name"));
        assertFalse(s.safeDbUrl().contains("secret"));
    }

    @Test
    void aMysqlUrlGetsTheDriverOptionsItDoesNotSetItself() {
        String url = ServiceSettings.withDriverDefaults("jdbc:mysql://db:3306/demo?cachePrepStmts=false");
        assertTrue(url.startsWith("jdbc:mysql://db:3306/demo?cachePrepStmts=false&"), url);
        assertTrue(url.contains("&useServerPrepStmts=true"), url);
        assertTrue(url.contains("&useLocalSessionState=true"), url);
        assertFalse(url.contains("cachePrepStmts=true"), url);
        assertEquals(
                "jdbc:mysql://db/demo?useServerPrepStmts=true&",
                ServiceSettings.withDriverDefaults("jdbc:mysql://db/demo").substring(0, 45));
    }

    @Test
    void anyH2UrlGetsResultReuseTurnedOff() {
        assertEquals("jdbc:h2:mem:x;OPTIMIZE_REUSE_RESULTS=FALSE", ServiceSettings.withDriverDefaults("jdbc:h2:mem:x"));
        String own = "jdbc:h2:file:/data/db;optimize_reuse_results=true";
        assertEquals(own, ServiceSettings.withDriverDefaults(own), "an explicit choice is kept");
        String ours = "jdbc:h2:mem:y" + ServiceSettings.H2_OPTIONS;
        assertEquals(ours, ServiceSettings.withDriverDefaults(ours));
    }

    @Test
    void credentialsInTheUrlAuthorityAreMaskedToo() {
        ServiceSettings s = ServiceSettings.fromEnvironment(
                SPEC, Map.of("ASCENT_DEMO_DB_URL", "jdbc:mysql://ascent:s3cret@db:3306/demo?user=x&password=other"));
        assertEquals("jdbc:mysql://ascent:***@db:3306/demo?user=x&password=***", s.safeDbUrl());
    }

    @Test
    void tlsNeedsACertificateAndItsKeyAndTrustsTheCertificateUnlessACaIsGiven(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path cert = java.nio.file.Files.writeString(dir.resolve("cert.pem"), "c");
        java.nio.file.Path key = java.nio.file.Files.writeString(dir.resolve("key.pem"), "k");
        java.nio.file.Path ca = java.nio.file.Files.writeString(dir.resolve("ca.pem"), "a");
        ServiceSettings tls = ServiceSettings.fromEnvironment(
                SPEC, Map.of("ASCENT_TLS_CERT_FILE", cert.toString(), "ASCENT_TLS_KEY_FILE", key.toString()));
        assertEquals(cert.toString(), tls.properties().get("ascent.tls.cert-file"));
        assertEquals(key.toString(), tls.properties().get("ascent.tls.key-file"));
        assertEquals(cert.toString(), tls.properties().get("ascent.tls.ca-file"));
        assertEquals(
                ca.toString(),
                ServiceSettings.fromEnvironment(
                                SPEC,
                                Map.of(
                                        "ASCENT_TLS_CERT_FILE",
                                        cert.toString(),
                                        "ASCENT_TLS_KEY_FILE",
                                        key.toString(),
                                        "ASCENT_TLS_CA_FILE",
                                        ca.toString()))
                        .properties()
                        .get("ascent.tls.ca-file"));
        assertFalse(ServiceSettings.fromEnvironment(SPEC, Map.of()).properties().containsKey("ascent.tls.ca-file"));
        StartupException half = assertThrows(
                StartupException.class,
                () -> ServiceSettings.fromEnvironment(SPEC, Map.of("ASCENT_TLS_CERT_FILE", cert.toString())));
        assertTrue(half.getMessage().contains("ASCENT_TLS_KEY_FILE"), half.getMessage());
        StartupException missing = assertThrows(
                StartupException.class,
                () -> ServiceSettings.fromEnvironment(
                        SPEC,
                        Map.of(
                                "ASCENT_TLS_CERT_FILE",
                                cert.toString(),
                                "ASCENT_TLS_KEY_FILE",
                                dir.resolve("nope").toString())));
        assertTrue(missing.getMessage().contains("not a readable file"), missing.getMessage());
    }

    @Test
    void aBadPortVariableIsOneClearLine() {
        StartupException e = assertThrows(
                StartupException.class,
                () -> ServiceSettings.fromEnvironment(SPEC, Map.of("ASCENT_DEMO_PORT", "http")));
        assertEquals("ASCENT_DEMO_PORT must be a port number from 0 to 65535, not 'http'", e.getMessage());
    }

    @Test
    void thePoolSizeComesFromItsVariableAndEveryTransactionReadsCommittedRows() {
        Map<String, Object> defaults =
                ServiceSettings.fromEnvironment(SPEC, Map.of()).properties();
        assertEquals(10, defaults.get("datasources.default.maximum-pool-size"));
        assertEquals("TRANSACTION_READ_COMMITTED", defaults.get("datasources.default.transaction-isolation"));
        assertEquals(
                32,
                ServiceSettings.fromEnvironment(SPEC, Map.of("ASCENT_DEMO_DB_POOL_SIZE", "32"))
                        .properties()
                        .get("datasources.default.maximum-pool-size"));
        StartupException e = assertThrows(
                StartupException.class,
                () -> ServiceSettings.fromEnvironment(SPEC, Map.of("ASCENT_DEMO_DB_POOL_SIZE", "0")));
        assertEquals("ASCENT_DEMO_DB_POOL_SIZE must be a number from 1 to 1000, not '0'", e.getMessage());
    }

    @Test
    void aPortInUseNamesThePortAndTheVariable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            ServiceSettings s = ServiceSettings.fromEnvironment(
                    SPEC,
                    Map.of("ASCENT_HOME", home.toString(), "ASCENT_DEMO_PORT", Integer.toString(taken.getLocalPort())));
            StartupException e = assertThrows(StartupException.class, () -> ServiceLauncher.checkPortFree(s));
            assertEquals(
                    "port " + taken.getLocalPort() + " is already in use; set ASCENT_DEMO_PORT to a free port",
                    e.getMessage());
        }
    }

    @Test
    void anUnreachableDatabaseIsOneClearLine() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ServiceSettings s = ServiceSettings.fromEnvironment(
                SPEC,
                Map.of(
                        "ASCENT_HOME",
                        home.toString(),
                        "ASCENT_DEMO_DB_URL",
                        "jdbc:mysql://127.0.0.1:" + closedPort + "/demo",
                        "ASCENT_DEMO_DB_USER",
                        "u"));
        StartupException e = assertThrows(StartupException.class, () -> ServiceLauncher.checkDatabase(s));
        assertTrue(
                e.getMessage().startsWith("cannot connect to the database at jdbc:mysql://127.0.0.1:" + closedPort),
                e.getMessage());
        assertTrue(
                e.getMessage().endsWith("(check ASCENT_DEMO_DB_URL, ASCENT_DEMO_DB_USER and ASCENT_DEMO_DB_PASSWORD)"));
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void theEmbeddedDatabaseIsCreatedOnFirstStart() {
        ServiceSettings s = ServiceSettings.fromEnvironment(SPEC, Map.of("ASCENT_HOME", home.toString()));
        ServiceLauncher.checkDatabase(s);
        assertTrue(home.resolve("demo/db.mv.db").toFile().exists());
    }

    @Test
    void servicesListenOnLoopbackUnlessAscentBindSaysOtherwise() {
        ServiceSettings local = ServiceSettings.fromEnvironment(SPEC, Map.of("ASCENT_HOME", home.toString()));
        assertEquals("127.0.0.1", local.bind());
        assertEquals("127.0.0.1", local.properties().get("grpc.server.host"));
        assertEquals(
                "0.0.0.0",
                ServiceSettings.fromEnvironment(SPEC, Map.of("ASCENT_BIND", "0.0.0.0"))
                        .bind());
        assertEquals(
                "0:0:0:0:0:0:0:1",
                ServiceSettings.fromEnvironment(SPEC, Map.of("ASCENT_BIND", "[::1]"))
                        .bind());
        StartupException e = assertThrows(
                StartupException.class,
                () -> ServiceSettings.fromEnvironment(SPEC, Map.of("ASCENT_BIND", "example.com")));
        assertEquals(
                "ASCENT_BIND must be an IP address of this machine (127.0.0.1, 0.0.0.0 for every interface, ::1,"
                        + " ...), not 'example.com'",
                e.getMessage());
    }

    @Test
    void aPortTakenOnTheBindAddressIsInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            ServiceSettings s = ServiceSettings.fromEnvironment(
                    SPEC,
                    Map.of("ASCENT_HOME", home.toString(), "ASCENT_DEMO_PORT", Integer.toString(taken.getLocalPort())));
            assertThrows(StartupException.class, () -> ServiceLauncher.checkPortFree(s));
        }
    }
}
