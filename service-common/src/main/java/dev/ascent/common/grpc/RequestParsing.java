package dev.ascent.common.grpc;

import io.grpc.BinaryLog;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerBuilder;
import io.grpc.ServerMethodDefinition;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a request that does not parse (a truncated message, a zero tag, a bad length, invalid UTF-8 in a string
 * field) a caller's error. grpc-java parses requests before any interceptor sees them and answers a parse failure
 * with UNKNOWN ("Application error processing RPC"); here every method's request marshaller is wrapped so that a
 * failure yields {@code null} instead, which {@link CallInterceptor} refuses with INVALID_ARGUMENT
 * ({@code MALFORMED_REQUEST}) before the endpoint runs.
 *
 * <p>The hook is {@link ServerBuilder#setBinaryLog}: gRPC's one public way to rewrite every method definition the
 * server dispatches to, server interceptors included, for all services (health and reflection too). Nothing is
 * logged; {@link #wrapChannel} is never used on a server. The wrapped descriptors are cached per method.
 */
@Singleton
public class RequestParsing implements BeanCreatedEventListener<ServerBuilder<?>> {

    @Override
    public ServerBuilder<?> onCreated(BeanCreatedEvent<ServerBuilder<?>> event) {
        return event.getBean().setBinaryLog(new Lenient());
    }

    /** The marshaller {@code original}, answering {@code null} for bytes it cannot parse. */
    static <T> MethodDescriptor.Marshaller<T> lenient(MethodDescriptor.Marshaller<T> original) {
        return new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(T value) {
                return original.stream(value);
            }

            @Override
            public T parse(InputStream stream) {
                try {
                    return original.parse(stream);
                } catch (RuntimeException unparseable) {
                    return null;
                }
            }
        };
    }

    private static final class Lenient extends BinaryLog {
        /** The lenient descriptor of each method; the server rebuilds the definition (its handler) per call. */
        private final Map<MethodDescriptor<?, ?>, MethodDescriptor<?, ?>> lenient = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <Q, R> ServerMethodDefinition<?, ?> wrapMethodDefinition(ServerMethodDefinition<Q, R> definition) {
            MethodDescriptor<Q, R> method = (MethodDescriptor<Q, R>)
                    lenient.computeIfAbsent(definition.getMethodDescriptor(), RequestParsing::withLenientRequests);
            return ServerMethodDefinition.create(method, definition.getServerCallHandler());
        }

        @Override
        public Channel wrapChannel(Channel channel) {
            return channel;
        }

        @Override
        public void close() {}
    }

    private static <Q, R> MethodDescriptor<Q, R> withLenientRequests(MethodDescriptor<Q, R> method) {
        return method.toBuilder()
                .setRequestMarshaller(lenient(method.getRequestMarshaller()))
                .build();
    }
}
