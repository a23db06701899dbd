package dev.ascent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.common.testing.PlatformProbes;
import dev.ascent.common.testing.TestDatabase;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both packaged services started side by side, checked through the client library and reflection. */
class PlatformTest {

    @Test
    void bothServicesReportServingAndListTheirApisByReflection() throws Exception {
        try (PackagedPlatform platform = PackagedPlatform.start(TestDatabase.Engine.H2);
                AscentClient client = platform.client(null)) {
            assertEquals(ServingStatus.SERVING, client.health(AscentClient.Service.CONTENT));
            assertEquals(ServingStatus.SERVING, client.health(AscentClient.Service.TRACKER));

            List<String> contentApis = PlatformProbes.reflectedServices(client.channel(AscentClient.Service.CONTENT));
            assertTrue(contentApis.contains("ascent.content.v1.ContentService"), contentApis::toString);
            List<String> trackerApis = PlatformProbes.reflectedServices(client.channel(AscentClient.Service.TRACKER));
            assertTrue(trackerApis.contains("ascent.tracker.v1.AccountService"), trackerApis::toString);
            assertTrue(trackerApis.contains("grpc.health.v1.Health"), trackerApis::toString);
        }
    }

    @Test
    void anUnreachableServiceIsUnknownNotAnException() {
        try (AscentClient client = AscentClient.builder()
                .contentTarget("127.0.0.1:1")
                .trackerTarget("127.0.0.1:1")
                .deadline(Duration.ofSeconds(1))
                .build()) {
            assertEquals(ServingStatus.UNKNOWN, client.health(AscentClient.Service.CONTENT));
        }
    }
}
