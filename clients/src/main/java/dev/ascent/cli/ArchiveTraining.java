package dev.ascent.cli;

import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.InsecureServerCredentials;
import io.grpc.okhttp.OkHttpServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The training run for the CLI's class-data archive ({@code dev.ascent.common.ClassDataArchive}, run by
 * {@code mvn package}): commands as a user runs them, over a real gRPC connection to a health server on a loopback
 * port. A call the server does not implement still takes the whole HTTP/2 round trip and the error path, so the
 * archive holds what a real command loads.
 */
public final class ArchiveTraining {

    private ArchiveTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus("", ServingStatus.SERVING);
        Server server = OkHttpServerBuilder.forPort(new InetSocketAddress("127.0.0.1", 0),
                InsecureServerCredentials.create()).addService(health.getHealthService()).build().start();
        try {
            String target = "127.0.0.1:" + server.getPort();
            PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
            Cli cli = new Cli(Map.of("ASCENT_CONTENT_TARGET", target, "ASCENT_TRACKER_TARGET", target,
                    "ASCENT_TOKEN", "class-data-archive", "ASCENT_CONFIG", "/nonexistent/ascent-config"),
                    sink, sink, InputStream.nullInputStream(), false);
            for (String[] command : new String[][] {{"health"}, {"whoami"}, {"plan", "show"}, {"progress"},
                    {"plan", "list"}, {"roles"}, {"--help"}}) {
                AscentCli.run(cli, command);
            }
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
