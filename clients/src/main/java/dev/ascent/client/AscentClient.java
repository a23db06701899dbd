package dev.ascent.client;

import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import java.io.File;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The entry point to the Ascent API: one channel to the content service and one to the tracker service.
 *
 * <pre>{@code
 * try (AscentClient ascent = AscentClient.builder().token(System.getenv("ASCENT_TOKEN")).build()) {
 *     ascent.health(Service.CONTENT);
 * }
 * }</pre>
 *
 * Every call carries a deadline ({@link Builder#deadline}); {@link #close()} shuts both channels down.
 */
public final class AscentClient implements AutoCloseable {

    /** The two services of the platform. */
    public enum Service { CONTENT, TRACKER }

    private final ManagedChannel content;
    private final ManagedChannel tracker;
    private final Duration deadline;
    private final CallCredentials credentials;

    private AscentClient(Builder b) {
        this.content = channel(b.contentTarget, b);
        this.tracker = channel(b.trackerTarget, b);
        this.deadline = b.deadline;
        this.credentials = b.token == null || b.token.isBlank() ? null : bearer(b.token.strip());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The health of one service as its load balancer would see it; UNKNOWN when it cannot be reached. */
    public ServingStatus health(Service service) {
        try {
            return HealthGrpc.newBlockingStub(channel(service))
                    .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .check(HealthCheckRequest.getDefaultInstance()).getStatus();
        } catch (io.grpc.StatusRuntimeException e) {
            return ServingStatus.UNKNOWN;
        }
    }

    ManagedChannel channel(Service service) {
        return service == Service.CONTENT ? content : tracker;
    }

    Duration deadline() {
        return deadline;
    }

    CallCredentials credentials() {
        return credentials;
    }

    @Override
    public void close() {
        content.shutdown();
        tracker.shutdown();
        try {
            if (!content.awaitTermination(5, TimeUnit.SECONDS)) {
                content.shutdownNow();
            }
            if (!tracker.awaitTermination(5, TimeUnit.SECONDS)) {
                tracker.shutdownNow();
            }
        } catch (InterruptedException e) {
            content.shutdownNow();
            tracker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ManagedChannel channel(String target, Builder b) {
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(target);
        if (b.caFile == null) {
            builder.usePlaintext();
        } else {
            try {
                builder.sslContext(GrpcSslContexts.forClient().trustManager(b.caFile).build()).useTransportSecurity();
            } catch (SSLException e) {
                throw new IllegalArgumentException("cannot use CA file " + b.caFile + ": " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    private static CallCredentials bearer(String token) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                applier.apply(headers);
            }
        };
    }

    /** Settings of an {@link AscentClient}; the defaults talk plain text to both services on localhost. */
    public static final class Builder {
        private String contentTarget = "localhost:50051";
        private String trackerTarget = "localhost:50052";
        private String token;
        private Duration deadline = Duration.ofSeconds(10);
        private File caFile;

        private Builder() {
        }

        /** The content service, as {@code host:port} or any gRPC target URI. */
        public Builder contentTarget(String target) {
            this.contentTarget = Objects.requireNonNull(target);
            return this;
        }

        /** The tracker service, as {@code host:port} or any gRPC target URI. */
        public Builder trackerTarget(String target) {
            this.trackerTarget = Objects.requireNonNull(target);
            return this;
        }

        /** The bearer token sent with every call; without one only public content reads work. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** The deadline of every call (default 10 seconds). */
        public Builder deadline(Duration deadline) {
            this.deadline = Objects.requireNonNull(deadline);
            return this;
        }

        /** Use TLS, trusting the certificates in this PEM file; without it the channels are plain text. */
        public Builder caFile(File caFile) {
            this.caFile = caFile;
            return this;
        }

        public AscentClient build() {
            return new AscentClient(this);
        }
    }
}
