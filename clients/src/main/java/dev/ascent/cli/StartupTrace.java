package dev.ascent.cli;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * With {@code ASCENT_TRACE_START=1}, a command prints to standard error when each phase of its run ended, in
 * milliseconds since the JVM started (docs/PERFORMANCE.md, "CLI start-up"). Off, it costs one environment lookup.
 * Marks are kept as nanoTime and turned into JVM uptime at the end, so that the management classes that tell the
 * uptime are loaded only after the last phase.
 */
final class StartupTrace {

    static final boolean ON = System.getenv("ASCENT_TRACE_START") != null;
    private static final List<String> NAMES = new ArrayList<>();
    private static final List<Long> NANOS = new ArrayList<>();

    private StartupTrace() {}

    static synchronized void mark(String phase) {
        if (ON) {
            NAMES.add(phase + " [" + Thread.currentThread().getName() + "]");
            NANOS.add(System.nanoTime());
        }
    }

    static synchronized void print() {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        for (int i = 0; i < NAMES.size(); i++) {
            System.err.printf("trace %6.1f ms  %s%n", uptime - (now - NANOS.get(i)) / 1e6, NAMES.get(i));
        }
    }

    /** Marks when each call starts, its headers arrive and it closes. */
    static ClientInterceptor calls() {
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(
                    MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                String name = method.getBareMethodName();
                return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        mark(name + " start");
                        super.start(
                                new SimpleForwardingClientCallListener<>(listener) {
                                    @Override
                                    public void onHeaders(Metadata h) {
                                        mark(name + " headers");
                                        super.onHeaders(h);
                                    }

                                    @Override
                                    public void onClose(Status status, Metadata trailers) {
                                        mark(name + " closed " + status.getCode());
                                        super.onClose(status, trailers);
                                    }
                                },
                                headers);
                    }
                };
            }
        };
    }
}
