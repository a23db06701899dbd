package dev.ascent.client;

import dev.ascent.proto.tracker.v1.AccountServiceGrpc;
import dev.ascent.proto.tracker.v1.CreateAccessTokenRequest;
import dev.ascent.proto.tracker.v1.CreateAccessTokenResponse;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.CreateUserResponse;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import dev.ascent.proto.tracker.v1.GetCurrentUserResponse;
import dev.ascent.proto.tracker.v1.ListAccessTokensRequest;
import dev.ascent.proto.tracker.v1.ListAccessTokensResponse;
import dev.ascent.proto.tracker.v1.ResetUserAccessRequest;
import dev.ascent.proto.tracker.v1.ResetUserAccessResponse;
import dev.ascent.proto.tracker.v1.RevokeAccessTokenRequest;
import dev.ascent.proto.tracker.v1.RevokeAccessTokenResponse;
import io.grpc.Channel;

/**
 * {@code ascent.tracker.v1.AccountService}: Users and access tokens.
 * Every method throws an {@link AscentException} subclass on failure.
 * Get one from {@link AscentClient#accounts()}.
 */
public final class AccountClient {

    private final Calls calls;
    private final AccountServiceGrpc.AccountServiceBlockingStub stub;

    AccountClient(Calls calls, Channel channel) {
        this.calls = calls;
        this.stub = AccountServiceGrpc.newBlockingStub(channel);
    }

    /** The underlying stub, with the client's deadline and token but without retries or exception mapping. */
    public AccountServiceGrpc.AccountServiceBlockingStub stub() {
        return stub;
    }

    /** {@code CreateUser}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public CreateUserResponse createUser(CreateUserRequest request) {
        return calls.write(request, stub::createUser);
    }

    /** {@code GetCurrentUser}. A read: retried on UNAVAILABLE. */
    public GetCurrentUserResponse getCurrentUser(GetCurrentUserRequest request) {
        return calls.read(request, stub::getCurrentUser);
    }

    /** {@code CreateAccessToken}. A write: gets a request_id when it has none, so a retry on UNAVAILABLE is safe. */
    public CreateAccessTokenResponse createAccessToken(CreateAccessTokenRequest request) {
        return calls.write(request, stub::createAccessToken);
    }

    /** {@code ListAccessTokens}. A read: retried on UNAVAILABLE. */
    public ListAccessTokensResponse listAccessTokens(ListAccessTokensRequest request) {
        return calls.read(request, stub::listAccessTokens);
    }

    /** {@code RevokeAccessToken}. A write without a request_id: sent once. */
    public RevokeAccessTokenResponse revokeAccessToken(RevokeAccessTokenRequest request) {
        return calls.once(request, stub::revokeAccessToken);
    }

    /**
     * {@code ResetUserAccess} (admin): revokes the user's tokens and issues a new one. A write: gets a request_id when
     * it has none, so a retry on UNAVAILABLE is safe (and returns the same new token within the secret window).
     */
    public ResetUserAccessResponse resetUserAccess(ResetUserAccessRequest request) {
        return calls.write(request, stub::resetUserAccess);
    }
}
