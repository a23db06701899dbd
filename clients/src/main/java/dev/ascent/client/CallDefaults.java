package dev.ascent.client;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Gives every unary call the client's deadline (unless the caller set one), and the bearer token to every method
 * that needs one: a method whose descriptor carries {@code (ascent.options.v1.no_credentials) = true} (the
 * catalog's reads) gets none, so a user's token never reaches a service that has no use for it. Streams get no
 * default deadline: a watch is meant to stay open.
 */
final class CallDefaults implements ClientInterceptor {

    private final Duration deadline;
    private final CallCredentials credentials;

    CallDefaults(Duration deadline, String token) {
        this.deadline = deadline;
        this.credentials = token == null || token.isBlank() ? null : bearer(token.strip());
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        CallOptions o = options;
        if (o.getDeadline() == null && method.getType() == MethodDescriptor.MethodType.UNARY) {
            o = o.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
        }
        if (credentials != null && o.getCredentials() == null && needsCredentials(method)) {
            o = o.withCallCredentials(credentials);
        }
        return next.newCall(method, o);
    }

    /**
     * The methods whose descriptor carries {@code (ascent.options.v1.no_credentials) = true}, by full name. Reading the
     * option from the descriptor instead would build the protobuf descriptors of the service's files on a command's
     * first call, tens of milliseconds of a short command's start-up (docs/PERFORMANCE.md, "CLI start-up");
     * CallDefaultsTest checks this list against every descriptor of the contract.
     */
    static final Set<String> NO_CREDENTIALS = Set.of(
            "ascent.content.v1.ContentService/ListRoles",
            "ascent.content.v1.ContentService/GetRole",
            "ascent.content.v1.ContentService/ListSkills",
            "ascent.content.v1.ContentService/GetSkill",
            "ascent.content.v1.ContentService/CompareRoles",
            "ascent.content.v1.ContentService/ListChecklists",
            "ascent.content.v1.ContentService/GetChecklist",
            "ascent.content.v1.ContentService/ListDesignPrompts",
            "ascent.content.v1.ContentService/GetDesignPrompt",
            "ascent.content.v1.ContentService/SearchContent",
            "ascent.tracker.v1.ExportService/ReadCalendarFeed");

    /** False only for methods documented (in their descriptor) as callable without credentials. */
    static boolean needsCredentials(MethodDescriptor<?, ?> method) {
        return !NO_CREDENTIALS.contains(method.getFullMethodName());
    }

    private static CallCredentials bearer(String token) {
        Metadata.Key<String> authorization = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(authorization, "Bearer " + token);
                applier.apply(headers);
            }
        };
    }
}
