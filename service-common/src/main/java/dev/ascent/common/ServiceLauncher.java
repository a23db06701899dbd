package dev.ascent.common;

import dev.ascent.common.db.DatabaseCharset;
import dev.ascent.common.db.MigrationState;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.EmbeddedApplication;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a service: reads its settings, checks the port and the database up front so that the usual mistakes
 * (port taken, MySQL unreachable, wrong password) end in one clear line and exit code 2 instead of a stack trace,
 * then runs Micronaut. A database that goes away later is reported by health (NOT_SERVING), not by exiting.
 */
public final class ServiceLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);
    public static final int EXIT_BAD_SETTINGS = 2;
    /**
     * System property naming a scratch data directory: the build's training run for the class-data archive
     * ({@link ClassDataArchive}). The service starts there on the embedded database and a free port, whatever the
     * environment says (it must never migrate a database the environment points at), and exits once started.
     */
    static final String ARCHIVE_TRAINING = "ascent.archive-training";
    /** H2's "database may be already in use" (the file is locked by another process). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private ServiceLauncher() {}

    public static ApplicationContext launch(ServiceSpec spec, Class<?> mainClass, String[] args) {
        try {
            String training = System.getProperty(ARCHIVE_TRAINING);
            // Each training run on a fresh database, so the archive holds the migration path (Flyway) of a first
            // start whatever earlier builds left in the directory.
            String trainingHome =
                    training == null ? null : freshDirectory(Path.of(training)).toString();
            ServiceSettings settings = ServiceSettings.fromEnvironment(
                    spec,
                    training == null
                            ? System.getenv()
                            : Map.of(
                                    ServiceSettings.HOME_VARIABLE,
                                    trainingHome,
                                    spec.portVariable(),
                                    "0",
                                    AdminToken.VARIABLE,
                                    "class-data-archive-training-0123456789"));
            checkPortFree(settings);
            secureHome(settings);
            lockEmbeddedDatabase(settings);
            // Held open until the service has started: an embedded database then stays open for the pool instead
            // of being closed (H2 compacts on close) and opened again.
            Connection check = openDatabase(settings);
            requireUnicode(check);
            // The embedded database's file now exists, made by H2 under the process umask: tighten it too.
            secureHome(settings);
            LOG.info(
                    "{} starting: gRPC on {}:{}, database {}",
                    spec.displayName(),
                    settings.bind(),
                    settings.port(),
                    settings.safeDbUrl());
            Map<String, Object> properties = settings.properties();
            // -Dascent.flyway=always runs Flyway's own check on every start, as before (for comparison).
            if (!"always".equals(System.getProperty("ascent.flyway")) && schemaUpToDate(check, mainClass)) {
                // A later start with no new or changed migration: Flyway would only confirm that.
                properties.put("flyway.datasources.default.enabled", false);
                LOG.info("database schema up to date: migrations skipped");
            }
            if (training != null) {
                // Micronaut.start() waits for the server to stop; the training run starts it and leaves at once.
                ApplicationContext context = ApplicationContext.builder(mainClass)
                        .properties(properties)
                        .start();
                EmbeddedApplication<?> server = context.getBean(EmbeddedApplication.class);
                server.start();
                askHealth(server);
                context.stop();
                System.exit(0);
            }
            ApplicationContext context = Micronaut.build(args)
                    .mainClass(mainClass)
                    .banner(false)
                    .properties(properties)
                    .start();
            closeQuietly(check);
            return context;
        } catch (StartupException e) {
            System.err.println(spec.displayName() + ": " + e.getMessage());
            System.exit(EXIT_BAD_SETTINGS);
        } catch (RuntimeException e) {
            Throwable root = rootCause(e);
            if (root instanceof BindException) {
                System.err.println(spec.displayName() + ": port in use (" + root.getMessage() + "); set "
                        + spec.portVariable() + " to a free port");
                System.exit(EXIT_BAD_SETTINGS);
            }
            LOG.error("{} failed to start", spec.displayName(), e);
            System.err.println(spec.displayName() + ": failed to start: " + firstLine(root));
            System.exit(1);
        }
        throw new AssertionError("unreachable");
    }

    /**
     * The training run's one call: a client asks the started server's health until it answers SERVING, so the
     * archive also holds what serving the first call loads (HTTP/2, the call path, the protobuf descriptors), which
     * a later start needs before it can answer its first health check.
     */
    private static void askHealth(EmbeddedApplication<?> server) {
        if (!(server instanceof EmbeddedServer grpcServer)) {
            return;
        }
        ManagedChannel channel = Grpc.newChannelBuilderForAddress(
                        "127.0.0.1", grpcServer.getPort(), InsecureChannelCredentials.create())
                .build();
        try {
            HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < until
                    && health.withDeadlineAfter(5, TimeUnit.SECONDS)
                                    .check(HealthCheckRequest.getDefaultInstance())
                                    .getStatus()
                            != HealthCheckResponse.ServingStatus.SERVING) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The archive then holds less; the build goes on.
            LOG.warn("class-data training: the health check failed", e);
        } finally {
            channel.shutdownNow();
        }
    }

    private static Path freshDirectory(Path parent) {
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "run");
        } catch (IOException e) {
            throw new StartupException("cannot create a training directory in " + parent + ": " + e.getMessage());
        }
    }

    static void checkPortFree(ServiceSettings settings) {
        if (settings.port() == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(settings.bind(), settings.port()));
        } catch (IOException e) {
            throw new StartupException("port " + settings.port() + " is already in use; set "
                    + settings.spec().portVariable() + " to a free port");
        }
    }

    static void secureHome(ServiceSettings settings) {
        try {
            DataDirectory.secure(settings.home());
        } catch (IOException e) {
            throw new StartupException("cannot create or secure the data directory " + settings.home() + " ("
                    + e.getMessage() + "); set " + ServiceSettings.HOME_VARIABLE);
        }
    }

    /** One process at a time on an embedded database; a second is told which process has it. */
    static void lockEmbeddedDatabase(ServiceSettings settings) {
        if (defaultDatabase(settings)) {
            DatabaseLock.acquire(databaseDirectory(settings), settings.spec().displayName());
        }
    }

    static void checkDatabase(ServiceSettings settings) {
        closeQuietly(openDatabase(settings));
    }

    /**
     * Refuses a MySQL database whose default character set cannot hold all of Unicode (every table a migration
     * makes would take that set), naming the one statement that fixes it; warns of columns already made that way.
     */
    static void requireUnicode(Connection connection) {
        Optional<DatabaseCharset.Report> report;
        try {
            report = DatabaseCharset.of(connection);
        } catch (SQLException e) {
            LOG.warn("could not read the database's character set: {}", firstLine(e));
            return;
        }
        if (report.isEmpty()) {
            return;
        }
        DatabaseCharset.Report r = report.get();
        if (!r.defaultHoldsUnicode()) {
            throw new StartupException("the database '" + r.database() + "' stores text as " + r.defaultCharset()
                    + " unless told otherwise, which cannot hold all of Unicode; make utf8mb4 its default (tables "
                    + "already there keep their own): ALTER DATABASE `"
                    + r.database().replace("`", "``")
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        if (!r.narrowColumns().isEmpty()) {
            LOG.warn(
                    "text columns not stored as utf8mb4 refuse text outside their character set: {}; convert each"
                            + " table with ALTER TABLE <table> CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
                    String.join(", ", r.narrowColumns()));
        }
    }

    /** A connection to the service's database, or a StartupException that says what to fix. */
    static Connection openDatabase(ServiceSettings settings) {
        ServiceSpec spec = settings.spec();
        if (settings.embedded()) {
            databaseDirectory(settings);
        }
        DriverManager.setLoginTimeout(5);
        try {
            // reachable and the credentials work
            return DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        } catch (SQLException e) {
            if (settings.embedded() && e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                Path dir = settings.home().resolve(spec.name());
                String holder =
                        defaultDatabase(settings) ? DatabaseLock.holderOf(dir).orElse(null) : null;
                throw new StartupException("the embedded database in " + dir + " is in use by "
                        + (holder != null ? holder : "another process (H2: " + firstLine(e) + ")")
                        + "; stop it first, or set " + ServiceSettings.HOME_VARIABLE + " to another directory");
            }
            throw new StartupException("cannot connect to the database at " + settings.safeDbUrl() + ": "
                    + firstLine(e) + " (check " + spec.dbUrlVariable() + ", " + spec.dbUserVariable() + " and "
                    + spec.dbPasswordVariable() + ")");
        }
    }

    /** Whether every migration in the service's jar is applied unchanged (then Flyway need not run). */
    private static boolean schemaUpToDate(Connection connection, Class<?> mainClass) {
        try {
            return MigrationState.upToDate(connection, MigrationState.onClasspath(mainClass));
        } catch (IOException | RuntimeException e) {
            LOG.debug("migrations not compared; Flyway will check them", e);
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the start-up check's connection", e);
        }
    }

    /** The default file database, in {@code $ASCENT_HOME/<service>}; an H2 URL of one's own has only H2's lock. */
    private static boolean defaultDatabase(ServiceSettings settings) {
        Path dir = settings.home().resolve(settings.spec().name());
        return settings.dbUrl().equals(ServiceSettings.embeddedUrl(dir.resolve("db")));
    }

    private static Path databaseDirectory(ServiceSettings settings) {
        Path dir = settings.home().resolve(settings.spec().name());
        try {
            DataDirectory.create(dir);
        } catch (IOException e) {
            throw new StartupException("cannot create the data directory " + settings.home() + " (" + e.getMessage()
                    + "); set " + ServiceSettings.HOME_VARIABLE);
        }
        return dir;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }
}
