package dev.ascent.common.grpc;

import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * Serves one unary method of a service from bytes the service keeps serialized, instead of building and
 * serializing the response message on every call. For large responses that change rarely (GetRole's role is
 * tens of KB and changes only with an import). On the wire nothing changes: the method keeps its name, its
 * request type, and answers with the bytes of its response type.
 */
public final class PreSerialized {

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private PreSerialized() {}

    /**
     * {@code service} with {@code method} answered by {@code handler}, which returns the serialized response (or
     * throws, as any endpoint does; the call interceptor maps the exception to a status).
     */
    public static <Q> ServerServiceDefinition replace(
            ServerServiceDefinition service, MethodDescriptor<Q, ?> method, Function<Q, byte[]> handler) {
        MethodDescriptor<Q, byte[]> raw =
                method.toBuilder(method.getRequestMarshaller(), BYTES).build();
        ServiceDescriptor generated = service.getServiceDescriptor();
        ServiceDescriptor.Builder descriptor =
                ServiceDescriptor.newBuilder(generated.getName()).setSchemaDescriptor(generated.getSchemaDescriptor());
        for (MethodDescriptor<?, ?> m : generated.getMethods()) {
            descriptor.addMethod(m.getFullMethodName().equals(method.getFullMethodName()) ? raw : m);
        }
        ServerServiceDefinition.Builder out = ServerServiceDefinition.builder(descriptor.build());
        for (ServerMethodDefinition<?, ?> m : service.getMethods()) {
            if (!m.getMethodDescriptor().getFullMethodName().equals(method.getFullMethodName())) {
                out.addMethod(m);
            }
        }
        out.addMethod(raw, ServerCalls.asyncUnaryCall((request, response) -> {
            response.onNext(handler.apply(request));
            response.onCompleted();
        }));
        return out.build();
    }
}
