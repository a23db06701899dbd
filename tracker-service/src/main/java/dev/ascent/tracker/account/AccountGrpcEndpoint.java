package dev.ascent.tracker.account;

import dev.ascent.common.error.ApiException;
import dev.ascent.common.grpc.Page;
import dev.ascent.common.grpc.PageRequest;
import dev.ascent.common.grpc.ResourceName;
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
import dev.ascent.tracker.grpc.Idempotency;
import dev.ascent.tracker.grpc.Names;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;

@Singleton
public class AccountGrpcEndpoint extends AccountServiceGrpc.AccountServiceImplBase {

    private static final ResourceName TOKEN_NAME =
            ResourceName.of("users/{handle}/accessTokens/{id}", ResourceName.HANDLE, ResourceName.ID);

    // Token secrets are never stored: retries within the secret window get them unsealed, later ones withheld.
    private static final Idempotency.Secret<CreateUserResponse> USER_SECRET = new Idempotency.Secret<>(
            CreateUserResponse::getToken,
            r -> r.toBuilder().clearToken().setTokenWithheld(true).build(),
            (r, secret) ->
                    r.toBuilder().setToken(secret).setTokenWithheld(false).build());
    private static final Idempotency.Secret<CreateAccessTokenResponse> TOKEN_SECRET = new Idempotency.Secret<>(
            CreateAccessTokenResponse::getToken,
            r -> r.toBuilder().clearToken().setTokenWithheld(true).build(),
            (r, secret) ->
                    r.toBuilder().setToken(secret).setTokenWithheld(false).build());
    private static final Idempotency.Secret<ResetUserAccessResponse> RESET_SECRET = new Idempotency.Secret<>(
            ResetUserAccessResponse::getToken,
            r -> r.toBuilder().clearToken().setTokenWithheld(true).build(),
            (r, secret) ->
                    r.toBuilder().setToken(secret).setTokenWithheld(false).build());

    private final Authenticator auth;
    private final AccountService accounts;
    private final Idempotency idempotency;

    public AccountGrpcEndpoint(Authenticator auth, AccountService accounts, Idempotency idempotency) {
        this.auth = auth;
        this.accounts = accounts;
        this.idempotency = idempotency;
    }

    @Override
    public void createUser(CreateUserRequest request, StreamObserver<CreateUserResponse> response) {
        Caller caller = auth.require();
        reply(
                response,
                idempotency.runWithSecret(
                        caller, request.getRequestId(), "CreateUser", CreateUserResponse.parser(), USER_SECRET, () -> {
                            AccountService.NewUser created = accounts.createUser(
                                    caller,
                                    new AccountService.CreateUser(request.getHandle(), request.getDisplayName()));
                            return CreateUserResponse.newBuilder()
                                    .setUser(AccountProtoMapper.user(created.user()))
                                    .setAccessToken(AccountProtoMapper.token(
                                            created.user().handle(), created.token()))
                                    .setToken(created.secret())
                                    .build();
                        }));
    }

    @Override
    public void getCurrentUser(GetCurrentUserRequest request, StreamObserver<GetCurrentUserResponse> response) {
        Caller caller = auth.require();
        reply(
                response,
                GetCurrentUserResponse.newBuilder()
                        .setUser(AccountProtoMapper.user(accounts.currentUser(caller)))
                        .build());
    }

    @Override
    public void createAccessToken(
            CreateAccessTokenRequest request, StreamObserver<CreateAccessTokenResponse> response) {
        Caller caller = auth.require();
        reply(
                response,
                idempotency.runWithSecret(
                        caller,
                        request.getRequestId(),
                        "CreateAccessToken",
                        CreateAccessTokenResponse.parser(),
                        TOKEN_SECRET,
                        () -> {
                            AccountService.NewToken created = accounts.createToken(caller, request.getLabel());
                            return CreateAccessTokenResponse.newBuilder()
                                    .setAccessToken(AccountProtoMapper.token(caller.handle(), created.token()))
                                    .setToken(created.secret())
                                    .build();
                        }));
    }

    @Override
    public void listAccessTokens(ListAccessTokensRequest request, StreamObserver<ListAccessTokensResponse> response) {
        Caller caller = auth.require();
        PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "tokens");
        Page<AccessTokenRow> shown = page.page(accounts.listTokens(caller, page.fetchSize(), page.offset()));
        ListAccessTokensResponse.Builder out =
                ListAccessTokensResponse.newBuilder().setNextPageToken(shown.nextPageToken());
        shown.items().forEach(row -> out.addAccessTokens(AccountProtoMapper.token(caller.handle(), row)));
        reply(response, out.build());
    }

    @Override
    public void revokeAccessToken(
            RevokeAccessTokenRequest request, StreamObserver<RevokeAccessTokenResponse> response) {
        Caller caller = auth.require();
        ResourceName.Parts name = TOKEN_NAME.parse(request.getName(), "name");
        if (!name.get("handle").equals(caller.handle())) {
            throw ApiException.notFound(request.getName());
        }
        long id;
        try {
            id = Long.parseLong(name.get("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound(request.getName());
        }
        AccessTokenRow revoked = accounts.revokeToken(caller, id);
        auth.forgetAll(); // committed: this instance refuses the token from now on, others within the cache TTL
        reply(
                response,
                RevokeAccessTokenResponse.newBuilder()
                        .setAccessToken(AccountProtoMapper.token(caller.handle(), revoked))
                        .build());
    }

    @Override
    public void resetUserAccess(ResetUserAccessRequest request, StreamObserver<ResetUserAccessResponse> response) {
        Caller caller = auth.require();
        String handle = Names.user(request.getUser(), "user");
        ResetUserAccessResponse out = idempotency.runWithSecret(
                caller,
                request.getRequestId(),
                "ResetUserAccess",
                ResetUserAccessResponse.parser(),
                RESET_SECRET,
                () -> {
                    AccountService.Reset reset = accounts.resetAccess(caller, handle, request.getLabel());
                    return ResetUserAccessResponse.newBuilder()
                            .setUser(AccountProtoMapper.user(reset.user()))
                            .setAccessToken(AccountProtoMapper.token(
                                    handle, reset.token().token()))
                            .setToken(reset.token().secret())
                            .setRevokedCount(reset.revoked())
                            .build();
                });
        auth.forgetAll(); // committed: the revoked tokens are refused here from now on, elsewhere within the TTL
        reply(response, out);
    }

    private static <T> void reply(StreamObserver<T> observer, T value) {
        observer.onNext(value);
        observer.onCompleted();
    }
}
