package dev.ascent.tracker.consistency;

import dev.ascent.common.db.EmbeddedBackup;
import dev.ascent.common.error.ApiException;
import dev.ascent.proto.tracker.v1.AdminServiceGrpc;
import dev.ascent.proto.tracker.v1.BackupDatabaseRequest;
import dev.ascent.proto.tracker.v1.BackupDatabaseResponse;
import dev.ascent.proto.tracker.v1.CheckConsistencyRequest;
import dev.ascent.proto.tracker.v1.CheckConsistencyResponse;
import dev.ascent.proto.tracker.v1.ConsistencyDrift;
import dev.ascent.tracker.account.Authenticator;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

@Singleton
public class AdminGrpcEndpoint extends AdminServiceGrpc.AdminServiceImplBase {

    private final Authenticator auth;
    private final ConsistencyChecker checker;
    private final EmbeddedBackup backup;

    public AdminGrpcEndpoint(Authenticator auth, ConsistencyChecker checker, EmbeddedBackup backup) {
        this.auth = auth;
        this.checker = checker;
        this.backup = backup;
    }

    @Override
    public void backupDatabase(BackupDatabaseRequest request, StreamObserver<BackupDatabaseResponse> response) {
        if (!auth.require().admin()) {
            throw ApiException.permissionDenied("only an administrator can back up the database");
        }
        backup.stream(
                response,
                data -> BackupDatabaseResponse.newBuilder().setData(data).build());
    }

    @Override
    public void checkConsistency(CheckConsistencyRequest request, StreamObserver<CheckConsistencyResponse> response) {
        ConsistencyChecker.Page page =
                checker.check(auth.require(), request.getRepair(), request.getPageSize(), request.getPageToken());
        CheckConsistencyResponse.Builder out = CheckConsistencyResponse.newBuilder()
                .setPlansChecked(page.plansChecked())
                .setSessionsChecked(page.sessionsChecked())
                .setRepaired(page.repaired())
                .setNextPageToken(page.nextPageToken());
        page.drifts()
                .forEach(d -> out.addDrifts(ConsistencyDrift.newBuilder()
                        .setResource(d.resource())
                        .setField(d.field())
                        .setStored(d.stored())
                        .setExpected(d.expected())));
        response.onNext(out.build());
        response.onCompleted();
    }
}
