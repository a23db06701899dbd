package dev.ascent.client;

import com.google.protobuf.ByteString;
import dev.ascent.proto.tracker.v1.AdminServiceGrpc;
import dev.ascent.proto.tracker.v1.BackupDatabaseRequest;
import dev.ascent.proto.tracker.v1.BackupDatabaseResponse;
import dev.ascent.proto.tracker.v1.CheckConsistencyRequest;
import dev.ascent.proto.tracker.v1.CheckConsistencyResponse;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.function.Function;

/**
 * {@code ascent.tracker.v1.AdminService} and {@code ascent.content.v1.AdminService}: operations for the
 * administrator (the admin token).
 * Every method throws an {@link AscentException} subclass on failure.
 * Get one from {@link AscentClient#admin()}.
 */
public final class AdminClient {

    private final Calls calls;
    private final AdminServiceGrpc.AdminServiceBlockingStub stub;
    private final dev.ascent.proto.content.v1.AdminServiceGrpc.AdminServiceBlockingStub content;

    AdminClient(Calls calls, Channel content, Channel tracker) {
        this.calls = calls;
        this.stub = AdminServiceGrpc.newBlockingStub(tracker);
        this.content = dev.ascent.proto.content.v1.AdminServiceGrpc.newBlockingStub(content);
    }

    /** The underlying stub, with the client's deadline and token but without retries or exception mapping. */
    public AdminServiceGrpc.AdminServiceBlockingStub stub() {
        return stub;
    }

    /**
     * {@code CheckConsistency}: one page. A check only reads, and a repair sets values recomputed under the row's
     * lock, so a retry on UNAVAILABLE is safe either way.
     */
    public CheckConsistencyResponse checkConsistency(CheckConsistencyRequest request) {
        return calls.read(request, stub::checkConsistency);
    }

    /**
     * {@code BackupDatabase} of one service: writes the zip of its embedded database to {@code out}. Sent once (a
     * retry would start a new copy); the client's deadline applies to the whole transfer.
     */
    public void backupDatabase(AscentClient.Service service, OutputStream out) throws IOException {
        try {
            Iterator<ByteString> chunks = service == AscentClient.Service.TRACKER
                    ? Iterators.map(
                            stub.backupDatabase(BackupDatabaseRequest.getDefaultInstance()),
                            BackupDatabaseResponse::getData)
                    : Iterators.map(
                            content.backupDatabase(
                                    dev.ascent.proto.content.v1.BackupDatabaseRequest.getDefaultInstance()),
                            dev.ascent.proto.content.v1.BackupDatabaseResponse::getData);
            while (chunks.hasNext()) {
                chunks.next().writeTo(out);
            }
        } catch (StatusRuntimeException e) {
            throw AscentException.from(e);
        }
    }

    /** Maps the elements of a streamed response as they arrive. */
    private static final class Iterators {
        static <A, B> Iterator<B> map(Iterator<A> from, Function<A, B> f) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return from.hasNext();
                }

                @Override
                public B next() {
                    return f.apply(from.next());
                }
            };
        }
    }
}
