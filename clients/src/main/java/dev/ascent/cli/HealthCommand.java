package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Shows whether both services are SERVING; with --wait, waits until they are.")
final class HealthCommand implements Callable<Integer> {

    @Option(names = "--content", description = "content service target (default: $ASCENT_CONTENT_TARGET or localhost:50051)")
    String content = System.getenv().getOrDefault("ASCENT_CONTENT_TARGET", "localhost:50051");

    @Option(names = "--tracker", description = "tracker service target (default: $ASCENT_TRACKER_TARGET or localhost:50052)")
    String tracker = System.getenv().getOrDefault("ASCENT_TRACKER_TARGET", "localhost:50052");

    @Option(names = "--wait", description = "seconds to wait for both to be SERVING (default: 0, ask once)")
    int waitSeconds;

    @Override
    public Integer call() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        try (AscentClient client = AscentClient.builder().contentTarget(content).trackerTarget(tracker)
                .deadline(Duration.ofSeconds(2)).build()) {
            while (true) {
                ServingStatus c = client.health(AscentClient.Service.CONTENT);
                ServingStatus t = client.health(AscentClient.Service.TRACKER);
                boolean ok = c == ServingStatus.SERVING && t == ServingStatus.SERVING;
                if (ok || System.nanoTime() > until) {
                    System.out.printf("content-service  %-22s %s%n", content, c);
                    System.out.printf("tracker-service  %-22s %s%n", tracker, t);
                    return ok ? 0 : ExitCodes.UNAVAILABLE;
                }
                Thread.sleep(250);
            }
        }
    }
}
