package dev.ascent.common.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.Context;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SHA-256 of the current call's request with its {@code request_id} cleared (AIP-155): a retry sends the same
 * fingerprint, a different request reusing the id does not. Computed by {@link CallInterceptor} for every request
 * message that carries a non-empty {@code request_id}, found by descriptor, so every write is covered.
 */
public final class RequestFingerprint {

    static final Context.Key<AtomicReference<String>> KEY = Context.key("ascent-request-fingerprint");
    private static final String FIELD = "request_id";

    private RequestFingerprint() {}

    /** The current request's fingerprint, when it has a request_id. */
    public static Optional<String> current() {
        AtomicReference<String> holder = KEY.get();
        return holder == null ? Optional.empty() : Optional.ofNullable(holder.get());
    }

    static String of(Object request) {
        if (!(request instanceof Message message)) {
            return null;
        }
        FieldDescriptor field = message.getDescriptorForType().findFieldByName(FIELD);
        if (field == null
                || field.getType() != FieldDescriptor.Type.STRING
                || ((String) message.getField(field)).isEmpty()) {
            return null;
        }
        try {
            byte[] bytes = message.toBuilder().clearField(field).build().toByteArray();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
