package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import java.io.File;
import java.time.Duration;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Where the services are and who the caller is. Each value comes from the flag, else the environment, else the
 * config file written by {@code ascent login}, else the local default.
 */
final class Connection {

    @Option(names = "--content", paramLabel = "HOST:PORT",
            description = "content service (default: $ASCENT_CONTENT_TARGET, config, localhost:50051)")
    String content;

    @Option(names = "--tracker", paramLabel = "HOST:PORT",
            description = "tracker service (default: $ASCENT_TRACKER_TARGET, config, localhost:50052)")
    String tracker;

    @Option(names = "--token", paramLabel = "TOKEN", description = "access token (default: $ASCENT_TOKEN, config)")
    String token;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "use TLS, trusting the certificates in this "
            + "PEM file (default: $ASCENT_TLS_CA_FILE, config; without any, plain text)")
    File caFile;

    @Option(names = "--deadline", paramLabel = "SECONDS", description = "deadline per call (default: 10)")
    Integer deadlineSeconds;

    String content(Cli cli, Properties config) {
        return first(content, cli.env("ASCENT_CONTENT_TARGET"), config.getProperty("content"), "localhost:50051");
    }

    String tracker(Cli cli, Properties config) {
        return first(tracker, cli.env("ASCENT_TRACKER_TARGET"), config.getProperty("tracker"), "localhost:50052");
    }

    String token(Cli cli, Properties config) {
        return first(token, cli.env("ASCENT_TOKEN"), config.getProperty("token"), null);
    }

    AscentClient open(Cli cli) {
        return open(cli, 10);
    }

    /** Opens a client whose calls get {@code defaultDeadlineSeconds} unless --deadline says otherwise. */
    AscentClient open(Cli cli, int defaultDeadlineSeconds) {
        Properties config = Config.load(cli.configFile());
        String ca = first(caFile != null ? caFile.getPath() : null, cli.env("ASCENT_TLS_CA_FILE"),
                config.getProperty("ca-file"), null);
        return AscentClient.builder().contentTarget(content(cli, config)).trackerTarget(tracker(cli, config))
                .token(token(cli, config)).caFile(ca == null ? null : new File(ca))
                .deadline(Duration.ofSeconds(deadlineSeconds == null ? defaultDeadlineSeconds : deadlineSeconds)).build();
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
