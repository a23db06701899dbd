package dev.ascent.content;

import static dev.ascent.common.testing.GrpcAssertions.assertStatus;

import com.google.protobuf.ByteString;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

/** The content service refuses a message over its 2 MiB limit before reading it, even from the admin. */
class InboundLimitTest {

    @Test
    void aMessageOverTwoMebibytesIsResourceExhausted() throws Exception {
        try (ContentHarness content = ContentHarness.start(TestDatabase.Engine.H2, false)) {
            // 3 MiB: under gRPC's default of 4 MiB, so only the configured limit refuses it.
            assertStatus(
                    Status.Code.RESOURCE_EXHAUSTED,
                    () -> content.admin()
                            .importGuide(ImportGuideRequest.newBuilder()
                                    .setText(ByteString.copyFrom(new byte[3 * 1024 * 1024]))
                                    .build()));
            // Just past the guide limit, but within the message limit: the importer explains.
            assertStatus(
                    Status.Code.INVALID_ARGUMENT,
                    () -> content.admin()
                            .importGuide(ImportGuideRequest.newBuilder()
                                    .setText(ByteString.copyFromUtf8("x".repeat(1_048_577)))
                                    .build()));
        }
    }
}
