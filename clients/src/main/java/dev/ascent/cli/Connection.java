package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import java.io.File;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Where the services are and who the caller is. Each value comes from the flag, else the environment, else the
 * selected profile of the config file written by {@code ascent login}, else the local default.
 */
final class Connection {

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            description =
                    "use this saved login (default: $ASCENT_PROFILE, else the default profile; see 'ascent profile')")
    String profile;

    @Option(
            names = "--content",
            paramLabel = "HOST:PORT",
            description = "content service (default: $ASCENT_CONTENT_TARGET, profile, localhost:50051)")
    String content;

    @Option(
            names = "--tracker",
            paramLabel = "HOST:PORT",
            description = "tracker service (default: $ASCENT_TRACKER_TARGET, profile, localhost:50052)")
    String tracker;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = {
                "access token (default: $ASCENT_TOKEN, profile).",
                "Avoid it: a command line lands in shell history and ps; use 'ascent login' instead"
            })
    String token;

    @Option(
            names = "--ca-file",
            paramLabel = "PEM",
            description = "use TLS, trusting the certificates in this "
                    + "PEM file (default: $ASCENT_TLS_CA_FILE, profile; without any, plain text)")
    File caFile;

    @Option(names = "--deadline", paramLabel = "SECONDS", description = "deadline per call (default: 10)")
    Integer deadlineSeconds;

    private Profiles profiles;

    Profiles profiles(Cli cli) {
        if (profiles == null) {
            profiles = Profiles.load(cli);
        }
        return profiles;
    }

    String profileName(Cli cli) {
        return profiles(cli).selected(profile, cli);
    }

    private String saved(Cli cli, String key) {
        return profiles(cli).get(profileName(cli), key);
    }

    String content(Cli cli) {
        return first(content, cli.env("ASCENT_CONTENT_TARGET"), saved(cli, "content"), "localhost:50051");
    }

    String tracker(Cli cli) {
        return first(tracker, cli.env("ASCENT_TRACKER_TARGET"), saved(cli, "tracker"), "localhost:50052");
    }

    String token(Cli cli) {
        return first(token, cli.env("ASCENT_TOKEN"), saved(cli, "token"), null);
    }

    /**
     * The handle saved with the profile's token, when that token is the one in use ({@code login} saves both): a
     * token belongs to one user for good, so commands need not ask the service who the caller is. Else null.
     */
    String savedHandle(Cli cli) {
        String inUse = token(cli);
        return inUse != null && inUse.equals(saved(cli, "token")) ? saved(cli, "handle") : null;
    }

    /** Opens a client whose calls get {@code defaultDeadlineSeconds} unless --deadline says otherwise. */
    AscentClient open(Cli cli, int defaultDeadlineSeconds) {
        String ca = first(
                caFile != null ? caFile.getPath() : null, cli.env("ASCENT_TLS_CA_FILE"), saved(cli, "ca-file"), null);
        AscentClient.Builder b = AscentClient.builder()
                .contentTarget(content(cli))
                .trackerTarget(tracker(cli))
                .token(token(cli))
                .caFile(ca == null ? null : new File(ca))
                .deadline(Duration.ofSeconds(deadlineSeconds == null ? defaultDeadlineSeconds : deadlineSeconds));
        if (StartupTrace.ON) {
            b.intercept(StartupTrace.calls());
        }
        return b.build();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
