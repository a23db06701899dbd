package dev.ascent.common.testing.fuzz;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.TextFormat;
import dev.ascent.common.testing.Bearer;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Context;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Calls every RPC a running server offers with requests generated from its descriptors ({@link RequestFactory}):
 * the methods are read from the server itself (every {@code ascent.*} service registered on it), so an RPC added
 * later is fuzzed without anyone touching a test. Call {@code i} goes to method {@code i mod M}, as the
 * {@code (i / M) mod C}-th caller, with a request drawn from a {@link Random} seeded by the run's seed and {@code i}:
 * a run is reproducible from its seed, and one call from its index. One call in eight sends the request's bytes
 * corrupted ({@link #corrupt}); bytes that are not a message of the request type must get INVALID_ARGUMENT, from
 * anyone, since the request is refused before any endpoint (and its authentication) runs.
 *
 * <p>Every answer must be OK or a status other than INTERNAL, UNKNOWN and DATA_LOSS (and, for a unary call,
 * DEADLINE_EXCEEDED or UNAVAILABLE: the services and their databases are up, so either means a hang or a bug). A
 * call without a token must get UNAUTHENTICATED unless its method is documented as needing no credentials, and such
 * a method must never answer UNAUTHENTICATED. A server stream is read up to its first message, within a deadline.
 *
 * <p>System properties (or environment variables): {@code ascent.fuzz.seed} ({@code ASCENT_FUZZ_SEED}),
 * {@code ascent.fuzz.calls} ({@code ASCENT_FUZZ_CALLS}), {@code ascent.fuzz.call} (one call only),
 * {@code ascent.fuzz.verbose} (print every call).
 */
public final class DescriptorFuzzer {

    /** Who calls: a label for reports and a bearer token, or {@code null} for no token. */
    public record Caller(String label, String token) {
        public static Caller anonymous() {
            return new Caller("no token", null);
        }
    }

    private record Target(MethodDescriptor<?, ?> method, Descriptors.MethodDescriptor proto) {}

    private record Failure(long index, String method, String caller, Status status, String why, String request) {}

    private static final Status.Code[] NEVER = {Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.DATA_LOSS};
    private static final int THREADS = 4;
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> okByMethod =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Channel channel;
    private final List<Target> targets = new ArrayList<>();
    private final List<Caller> callers = new ArrayList<>();
    private Predicate<Descriptors.MethodDescriptor> noCredentials = m -> false;
    private List<String> names = List.of();
    private Map<String, List<String>> hints = Map.of();
    private int maxInboundBytes = Integer.MAX_VALUE;
    private int budgetBytes = 3 * 1024 * 1024;

    private DescriptorFuzzer(Server server, Channel channel) {
        this.channel = channel;
        for (ServerServiceDefinition service : server.getServices()) {
            if (!service.getServiceDescriptor().getName().startsWith("ascent.")) {
                continue;
            }
            for (ServerMethodDefinition<?, ?> m : service.getMethods()) {
                if (m.getMethodDescriptor().getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier s) {
                    targets.add(new Target(m.getMethodDescriptor(), s.getMethodDescriptor()));
                } else {
                    throw new IllegalStateException(m.getMethodDescriptor().getFullMethodName() + " has no descriptor");
                }
            }
        }
        targets.sort(Comparator.comparing(t -> t.method().getFullMethodName()));
    }

    /** A fuzzer of every {@code ascent.*} service registered on {@code server}, called through {@code channel}. */
    public static DescriptorFuzzer of(Server server, Channel channel) {
        return new DescriptorFuzzer(server, channel);
    }

    public DescriptorFuzzer callers(List<Caller> callers) {
        this.callers.addAll(callers);
        return this;
    }

    /** Which methods are documented as callable without a token. */
    public DescriptorFuzzer noCredentials(Predicate<Descriptors.MethodDescriptor> noCredentials) {
        this.noCredentials = noCredentials;
        return this;
    }

    /** Real resource names and page tokens of the running service, mixed into string fields. */
    public DescriptorFuzzer names(List<String> names) {
        this.names = List.copyOf(names);
        return this;
    }

    /** Good values by field name ({@code plan_item} -> item names), used by most fields of gentle requests. */
    public DescriptorFuzzer hints(Map<String, List<String>> hints) {
        this.hints = Map.copyOf(hints);
        return this;
    }

    /** The server's inbound message limit: a larger request must get RESOURCE_EXHAUSTED, from anyone. */
    public DescriptorFuzzer maxInboundBytes(int bytes) {
        this.maxInboundBytes = bytes;
        return this;
    }

    /** How many bytes of long values one request may carry (default 3 MiB). */
    public DescriptorFuzzer budget(int bytes) {
        this.budgetBytes = bytes;
        return this;
    }

    public List<String> methods() {
        return targets.stream().map(t -> t.method().getFullMethodName()).toList();
    }

    /**
     * Runs {@code defaultCalls} calls (or {@code ascent.fuzz.calls}) and fails with every bad answer, each with its
     * request and the line that reproduces the run. {@code reproduce} is the command that runs this test.
     */
    public void run(int defaultCalls, String reproduce) throws Exception {
        long seed = setting("ascent.fuzz.seed", "ASCENT_FUZZ_SEED", System.nanoTime());
        long calls = setting("ascent.fuzz.calls", "ASCENT_FUZZ_CALLS", defaultCalls);
        long only = setting("ascent.fuzz.call", "ASCENT_FUZZ_CALL", -1);
        String again = reproduce + " -Dascent.fuzz.seed=" + seed + " (or ASCENT_FUZZ_SEED=" + seed + ")";
        System.out.printf(
                "[fuzz] seed %d: %d calls over %d methods as %d callers; to reproduce: %s%n",
                seed, calls, targets.size(), callers.size(), again);
        Map<Status.Code, Long> counts = new EnumMap<>(Status.Code.class);
        ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Status.Code>> results = new ArrayList<>();
            for (long i = only >= 0 ? only : 0; i < (only >= 0 ? only + 1 : calls); i++) {
                long index = i;
                results.add(pool.submit(() -> call(seed, index, failures)));
            }
            for (Future<Status.Code> f : results) {
                counts.merge(f.get(), 1L, Long::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(
                "[fuzz] seed %d: %d calls in %.1f s: %s%n", seed, calls, (System.nanoTime() - start) / 1e9, counts);
        System.out.printf(
                "[fuzz] methods never answered OK: %s%n",
                methods().stream().filter(m -> !okByMethod.containsKey(m)).toList());
        if (!failures.isEmpty()) {
            StringBuilder b = new StringBuilder(failures.size() + " bad answers of " + calls + " calls (seed " + seed
                    + "); reproduce with " + again + "\n");
            failures.stream()
                    .sorted(Comparator.comparingLong(Failure::index))
                    .limit(15)
                    .forEach(f -> b.append("  call ")
                            .append(f.index())
                            .append(" (-Dascent.fuzz.call=")
                            .append(f.index())
                            .append(") ")
                            .append(f.method())
                            .append(" as ")
                            .append(f.caller())
                            .append(": ")
                            .append(f.status().getCode())
                            .append(" ")
                            .append(f.status().getDescription())
                            .append(" [")
                            .append(f.why())
                            .append("]\n    ")
                            .append(f.request())
                            .append('\n'));
            throw new AssertionError(b.toString());
        }
    }

    private Status.Code call(long seed, long index, ConcurrentLinkedQueue<Failure> failures) {
        Target target = targets.get((int) (index % targets.size()));
        Caller caller = callers.get((int) ((index / targets.size()) % callers.size()));
        Random random = new Random(seed ^ (index * 0x9E3779B97F4A7C15L));
        Descriptors.Descriptor in = target.proto().getInputType();
        DynamicMessage request = new RequestFactory(new FuzzValues(random, names, hints, budgetBytes), in).build(in);
        // One call in eight sends the request's bytes corrupted: what does not parse must get INVALID_ARGUMENT.
        byte[] corrupt = random.nextInt(8) == 0 ? corrupt(request.toByteArray(), random) : null;
        boolean unparseable = corrupt != null && !parses(in, corrupt);
        Status status = send(target, caller, corrupt == null ? request.toByteArray() : corrupt);
        if (Boolean.getBoolean("ascent.fuzz.verbose")) {
            System.out.printf(
                    "[fuzz] call %d %s as %s: %s %s%n    %s%n",
                    index,
                    target.method().getFullMethodName(),
                    caller.label(),
                    status.getCode(),
                    status.getDescription(),
                    abbreviate(request));
        }
        if (status.isOk()) {
            okByMethod
                    .computeIfAbsent(
                            target.method().getFullMethodName(), k -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
        }
        int size = corrupt == null ? request.getSerializedSize() : corrupt.length;
        String why = size > maxInboundBytes
                ? status.getCode() == Status.Code.RESOURCE_EXHAUSTED ? null : "over the message limit"
                : unparseable
                        ? status.getCode() == Status.Code.INVALID_ARGUMENT ? null : "an unparseable request"
                        : judge(target, caller, status);
        if (why != null) {
            String sent = corrupt == null
                    ? abbreviate(request)
                    : (unparseable ? "unparseable" : "corrupt but parseable") + " bytes of " + abbreviate(request);
            failures.add(new Failure(index, target.method().getFullMethodName(), caller.label(), status, why, sent));
        }
        return status.getCode();
    }

    private String judge(Target target, Caller caller, Status status) {
        Status.Code code = status.getCode();
        for (Status.Code never : NEVER) {
            if (code == never) {
                return "never " + never;
            }
        }
        boolean stream = target.method().getType() != MethodDescriptor.MethodType.UNARY;
        if (!stream && (code == Status.Code.DEADLINE_EXCEEDED || code == Status.Code.UNAVAILABLE)) {
            return "the service is up: " + code + " means a hang or a bug";
        }
        boolean open = noCredentials.test(target.proto());
        if (caller.token() == null && !open && code != Status.Code.UNAUTHENTICATED) {
            return "a call without a token must get UNAUTHENTICATED";
        }
        if (open && (code == Status.Code.UNAUTHENTICATED || code == Status.Code.PERMISSION_DENIED)) {
            return "documented as needing no credentials";
        }
        return null;
    }

    /**
     * {@code bytes} damaged one of five ways: cut short, a zero tag appended, an end-group tag with no start, a
     * length-delimited field 1 whose length runs past the end, or one byte overwritten. The first four never parse;
     * the last two may still parse, which {@link #parses} decides.
     */
    static byte[] corrupt(byte[] bytes, Random random) {
        int kind = random.nextInt(5);
        if (kind == 0 && bytes.length > 1) {
            return java.util.Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1));
        }
        if (kind == 4 && bytes.length > 0) {
            byte[] copy = bytes.clone();
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            return copy;
        }
        byte[] tail = switch (kind) {
            case 1 -> new byte[] {0};
            case 2 -> new byte[] {(byte) ((7 << 3) | 4)};
            default -> new byte[] {(byte) ((1 << 3) | 2), 100, 'x'};
        };
        byte[] out = java.util.Arrays.copyOf(bytes, bytes.length + tail.length);
        System.arraycopy(tail, 0, out, bytes.length, tail.length);
        return out;
    }

    /** Whether {@code bytes} is a message of {@code type}, with proto3's UTF-8 check on strings. */
    static boolean parses(Descriptors.Descriptor type, byte[] bytes) {
        try {
            DynamicMessage.parseFrom(type, bytes);
            return true;
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return false;
        }
    }

    /**
     * Sends {@code bytes} as the request, whatever they are (a serialized request, or a corrupted one); a stream is
     * read up to its first message (or its end), then cancelled.
     */
    private Status send(Target target, Caller caller, byte[] bytes) {
        Descriptors.MethodDescriptor proto = target.proto();
        MethodDescriptor<byte[], DynamicMessage> method = MethodDescriptor.<byte[], DynamicMessage>newBuilder()
                .setType(target.method().getType())
                .setFullMethodName(target.method().getFullMethodName())
                .setRequestMarshaller(new BytesMarshaller())
                .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(proto.getOutputType())))
                .build();
        boolean unary = method.getType() == MethodDescriptor.MethodType.UNARY;
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(unary ? 30 : 5, TimeUnit.SECONDS);
        if (caller.token() != null) {
            options = options.withCallCredentials(Bearer.token(caller.token()));
        }
        Context.CancellableContext context = Context.current().withCancellation();
        try {
            if (unary) {
                ClientCalls.blockingUnaryCall(channel, method, options, bytes);
            } else {
                CallOptions o = options;
                context.call(() -> {
                    Iterator<DynamicMessage> messages =
                            ClientCalls.blockingServerStreamingCall(channel, method, o, bytes);
                    return messages.hasNext() ? messages.next() : null;
                });
            }
            return Status.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        } catch (Exception e) {
            return Status.fromThrowable(e);
        } finally {
            context.cancel(null);
        }
    }

    private static final class BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public java.io.InputStream stream(byte[] value) {
            return new java.io.ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(java.io.InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static String abbreviate(DynamicMessage request) {
        String text = TextFormat.shortDebugString(request).replaceAll("(.{60})[^\"]{200,}", "$1...");
        return text.length() <= 1500
                ? text
                : text.substring(0, 1500) + "... (" + request.getSerializedSize() + " bytes)";
    }

    private static long setting(String property, String variable, long otherwise) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? otherwise : Long.parseLong(value.strip());
    }
}
