package dev.ascent.content.grpc;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.grpc.RequestHeaders;
import dev.ascent.content.importer.Cancellation;
import dev.ascent.content.importer.ImportService;
import dev.ascent.proto.content.v1.ContentServiceGrpc;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ImportGuideResponse;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeoutException;

/** ImportGuide of {@code ascent.content.v1.ContentService}, bound by {@link ContentGrpcEndpoint}. */
@Singleton
class ImportGrpcEndpoint implements ContentServiceGrpc.AsyncService {

    private final ImportService importer;
    private final AdminVerifier adminVerifier;

    ImportGrpcEndpoint(ImportService importer, AdminVerifier adminVerifier) {
        this.importer = importer;
        this.adminVerifier = adminVerifier;
    }

    @Override
    public void importGuide(ImportGuideRequest request, StreamObserver<ImportGuideResponse> response) {
        String token = RequestHeaders.bearerToken()
                .orElseThrow(() -> ApiException.unauthenticated(
                        "importing needs the admin token: send 'authorization: Bearer <admin token>'"));
        adminVerifier.require(token, "import guides");
        Context call = Context.current();
        ImportService.Result result;
        try {
            result = importer.importGuide(ImportProtoMapper.command(request, call::isCancelled));
        } catch (Cancellation.Cancelled e) {
            // The caller has gone (cancelled, or its deadline passed): stop here; nothing was written.
            throw (call.cancellationCause() instanceof TimeoutException ? Status.DEADLINE_EXCEEDED : Status.CANCELLED)
                    .withDescription("the import was abandoned by its caller")
                    .asRuntimeException();
        }
        ContentGrpcEndpoint.reply(response, ImportProtoMapper.response(result));
    }
}
