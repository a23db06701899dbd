package dev.ascent.common.grpc;

import io.grpc.Context;
import io.grpc.Metadata;
import java.util.Optional;

/** The current call's request headers, put in the gRPC {@link Context} by {@link CallInterceptor}. */
public final class RequestHeaders {

    static final Context.Key<Metadata> KEY = Context.key("ascent-request-headers");
    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private RequestHeaders() {}

    /** The bearer token of the current call, if it sent {@code authorization: Bearer <token>}. */
    public static Optional<String> bearerToken() {
        Metadata headers = KEY.get();
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.get(AUTHORIZATION);
        if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
