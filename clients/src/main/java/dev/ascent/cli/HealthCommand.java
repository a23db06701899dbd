package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "health",
        mixinStandardHelpOptions = true,
        description = "Shows whether both services are SERVING; with --wait, waits until they are.")
final class HealthCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Option(names = "--wait", description = "seconds to wait for both to be SERVING (default: 0, ask once)")
    int waitSeconds;

    private final Cli cli;

    HealthCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        String content = connection.content(cli);
        String tracker = connection.tracker(cli);
        try (AscentClient client = AscentClient.builder()
                .contentTarget(content)
                .trackerTarget(tracker)
                .deadline(Duration.ofSeconds(2))
                .build()) {
            while (true) {
                // A refused connection puts gRPC's channel in a reconnect backoff (1 s, 1.6 s, 2.6 s, ...) during
                // which every call fails at once: end it, so a service that has just started is seen at once.
                client.channel(AscentClient.Service.CONTENT).resetConnectBackoff();
                client.channel(AscentClient.Service.TRACKER).resetConnectBackoff();
                ServingStatus c = client.health(AscentClient.Service.CONTENT);
                ServingStatus t = client.health(AscentClient.Service.TRACKER);
                boolean ok = c == ServingStatus.SERVING && t == ServingStatus.SERVING;
                if (ok || System.nanoTime() > until) {
                    cli.out.printf("content-service  %-22s %s%n", content, c);
                    cli.out.printf("tracker-service  %-22s %s%n", tracker, t);
                    cli.out.flush();
                    return ok ? 0 : ExitCodes.UNAVAILABLE;
                }
                Thread.sleep(250);
            }
        }
    }
}
