package dev.ascent.common.testing;

import dev.ascent.common.ServiceSettings;
import dev.ascent.common.ServiceSpec;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.micronaut.context.ApplicationContext;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service started in-process on a free port against a {@link TestDatabase}, with a plain-text channel to it. */
public final class RunningService implements AutoCloseable {

    private final ApplicationContext context;
    private final ManagedChannel channel;
    private final int port;

    private RunningService(ApplicationContext context) {
        this.context = context;
        this.port = context.getBean(GrpcEmbeddedServer.class).getPort();
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", port)
                .usePlaintext()
                .intercept(new DefaultDeadline())
                .build();
    }

    /**
     * Starts the service described by {@code spec} with {@code home} as its data directory and {@code extra}
     * properties on top of the usual ones.
     */
    public static RunningService start(ServiceSpec spec, TestDatabase db, Path home, Map<String, Object> extra) {
        ServiceSettings settings = new ServiceSettings(spec, home, 0, db.url(), db.user(), db.password(), Map.of());
        Map<String, Object> properties = new HashMap<>(settings.properties());
        properties.put("grpc.server.port", 0);
        properties.put("grpc.server.await-termination", "5s");
        properties.putAll(extra);
        ApplicationContext context = ApplicationContext.builder()
                .properties(properties)
                .deduceEnvironment(false)
                .environments("test")
                .banner(false)
                .start();
        if (!context.containsBean(GrpcEmbeddedServer.class)) {
            context.close();
            throw new IllegalStateException("no gRPC server bean");
        }
        context.getBean(GrpcEmbeddedServer.class).start();
        return new RunningService(context);
    }

    public ApplicationContext context() {
        return context;
    }

    public ManagedChannel channel() {
        return channel;
    }

    public int port() {
        return port;
    }

    public String target() {
        return "127.0.0.1:" + port;
    }

    /** Calls made without a deadline get two minutes, so a server that never answers fails the test. */
    private static final class DefaultDeadline implements ClientInterceptor {
        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return next.newCall(
                    method, options.getDeadline() == null ? options.withDeadlineAfter(2, TimeUnit.MINUTES) : options);
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.close();
    }
}
