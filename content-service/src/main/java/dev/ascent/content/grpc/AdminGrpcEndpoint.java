package dev.ascent.content.grpc;

import dev.ascent.common.db.EmbeddedBackup;
import dev.ascent.common.error.ApiException;
import dev.ascent.common.grpc.RequestHeaders;
import dev.ascent.proto.content.v1.AdminServiceGrpc;
import dev.ascent.proto.content.v1.BackupDatabaseRequest;
import dev.ascent.proto.content.v1.BackupDatabaseResponse;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

/** {@code ascent.content.v1.AdminService}: the administrator's operations on the catalog service. */
@Singleton
public class AdminGrpcEndpoint extends AdminServiceGrpc.AdminServiceImplBase {

    private final AdminVerifier adminVerifier;
    private final EmbeddedBackup backup;

    public AdminGrpcEndpoint(AdminVerifier adminVerifier, EmbeddedBackup backup) {
        this.adminVerifier = adminVerifier;
        this.backup = backup;
    }

    @Override
    public void backupDatabase(BackupDatabaseRequest request, StreamObserver<BackupDatabaseResponse> response) {
        String token = RequestHeaders.bearerToken()
                .orElseThrow(() -> ApiException.unauthenticated(
                        "backups need the admin token: send 'authorization: Bearer <admin token>'"));
        adminVerifier.require(token, "back up the catalog");
        backup.stream(
                response,
                data -> BackupDatabaseResponse.newBuilder().setData(data).build());
    }
}
