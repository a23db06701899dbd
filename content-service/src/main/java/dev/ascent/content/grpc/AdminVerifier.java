package dev.ascent.content.grpc;

import dev.ascent.common.AdminToken;
import dev.ascent.common.error.ApiException;
import dev.ascent.common.grpc.Tls;
import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import dev.ascent.proto.tracker.v1.User;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin-only calls present the admin token. It must equal the configured one (constant time) and, because the
 * tracker owns tokens and their revocation, the tracker must still accept it as the admin's
 * ({@code AccountService.GetCurrentUser}). A confirmation is reused for at most {@link #CONFIRMED_FOR}, so a
 * revocation holds here within that time. With {@code ASCENT_TRACKER_TARGET=none} (a content service on its own)
 * only the comparison is made, and start-up says so.
 */
@Singleton
public class AdminVerifier {

    static final Duration CONFIRMED_FOR = Duration.ofSeconds(1);

    /**
     * How long the tracker has to confirm the token. The first check also opens the connection, and an admin call
     * (a backup, an import) often comes while the tracker is busy: 2 s were seen to run out on a loaded 2-core
     * machine, failing a backup that would have succeeded.
     */
    static final Duration CONFIRM_DEADLINE = Duration.ofSeconds(5);

    static final String NO_TRACKER = "none";
    private static final Logger LOG = LoggerFactory.getLogger(AdminVerifier.class);
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final AdminToken adminToken;
    private final ManagedChannel tracker;
    private volatile String confirmedToken;
    private volatile long confirmedAtNanos;

    public AdminVerifier(
            AdminToken adminToken,
            @Value("${ascent.tracker.target:localhost:50052}") String target,
            @Value("${ascent.tls.ca-file:}") String caFile) {
        this.adminToken = adminToken;
        this.tracker = target.isBlank() || target.equals(NO_TRACKER) ? null : Tls.channel(target, caFile);
        if (tracker == null) {
            LOG.warn("no tracker target: a revoked admin token is not noticed by this content service");
        }
    }

    /** Refuses the call unless {@code presented} is the admin token and the tracker has not revoked it. */
    public void require(String presented, String what) {
        if (!adminToken.matches(presented)) {
            throw ApiException.permissionDenied("only the administrator can " + what);
        }
        if (tracker == null || recentlyConfirmed(presented)) {
            return;
        }
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + presented);
        User user;
        try {
            user = AccountServiceGrpc.newBlockingStub(tracker)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                    .withDeadlineAfter(CONFIRM_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    .getCurrentUser(GetCurrentUserRequest.getDefaultInstance())
                    .getUser();
        } catch (StatusRuntimeException e) {
            switch (e.getStatus().getCode()) {
                case UNAUTHENTICATED -> throw ApiException.unauthenticated("the admin token was revoked");
                case PERMISSION_DENIED -> throw ApiException.permissionDenied("only the administrator can " + what);
                default ->
                    throw ApiException.unavailable(
                            "TRACKER_UNAVAILABLE",
                            "cannot confirm the admin token " + "with the tracker service ("
                                    + e.getStatus().getCode() + "); retry later");
            }
        }
        if (!user.getAdmin()) {
            throw ApiException.permissionDenied("only the administrator can " + what);
        }
        confirmedToken = presented;
        confirmedAtNanos = System.nanoTime();
    }

    private boolean recentlyConfirmed(String presented) {
        return presented.equals(confirmedToken) && System.nanoTime() - confirmedAtNanos < CONFIRMED_FOR.toNanos();
    }

    @PreDestroy
    void close() {
        if (tracker != null) {
            tracker.shutdownNow();
        }
    }
}
