package dev.ascent.common;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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

    private ServiceLauncher() {
    }

    public static ApplicationContext launch(ServiceSpec spec, Class<?> mainClass, String[] args) {
        try {
            ServiceSettings settings = ServiceSettings.fromEnvironment(spec, System.getenv());
            checkPortFree(settings);
            secureHome(settings);
            checkDatabase(settings);
            // The embedded database's file now exists, made by H2 under the process umask: tighten it too.
            secureHome(settings);
            LOG.info("{} starting: gRPC port {}, database {}", spec.displayName(), settings.port(),
                    settings.safeDbUrl());
            return Micronaut.build(args)
                    .mainClass(mainClass)
                    .banner(false)
                    .properties(settings.properties())
                    .start();
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

    static void checkPortFree(ServiceSettings settings) {
        if (settings.port() == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(settings.port()));
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

    static void checkDatabase(ServiceSettings settings) {
        ServiceSpec spec = settings.spec();
        if (settings.embedded()) {
            try {
                DataDirectory.create(settings.home().resolve(spec.name()));
            } catch (IOException e) {
                throw new StartupException("cannot create the data directory " + settings.home()
                        + " (" + e.getMessage() + "); set " + ServiceSettings.HOME_VARIABLE);
            }
        }
        DriverManager.setLoginTimeout(5);
        try (Connection ignored = DriverManager.getConnection(settings.dbUrl(), settings.dbUser(),
                settings.dbPassword())) {
            // reachable and the credentials work
        } catch (SQLException e) {
            throw new StartupException("cannot connect to the database at " + settings.safeDbUrl() + ": "
                    + firstLine(e) + " (check " + spec.dbUrlVariable() + ", " + spec.dbUserVariable() + " and "
                    + spec.dbPasswordVariable() + ")");
        }
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
