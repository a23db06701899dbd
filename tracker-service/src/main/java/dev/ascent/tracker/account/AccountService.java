package dev.ascent.tracker.account;

import dev.ascent.common.AdminToken;
import dev.ascent.common.error.ApiException;
import dev.ascent.common.error.Validator;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Users and access tokens. */
@Singleton
public class AccountService {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

    /** Unrevoked tokens per user: a quota, so a leaked token cannot mint tokens without bound. */
    public static final int MAX_ACTIVE_TOKENS = 100;

    public static final Pattern HANDLE = Pattern.compile("[a-z][a-z0-9-]{2,31}");

    private final UserRepository users;
    private final AccessTokenRepository tokens;
    private final Clock clock;
    private final ApplicationEventPublisher<AccessReset> events;

    public AccountService(
            UserRepository users,
            AccessTokenRepository tokens,
            Clock clock,
            ApplicationEventPublisher<AccessReset> events) {
        this.events = events;
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new user and their first token, whose secret is returned only here. */
    public record NewUser(UserRow user, AccessTokenRow token, String secret) {}

    public record NewToken(AccessTokenRow token, String secret) {}

    public record CreateUser(String handle, String displayName) {
        public CreateUser {
            new Validator()
                    .check(
                            handle != null && HANDLE.matcher(handle).matches(),
                            "handle",
                            "must be 3 to 32 characters: lowercase letters, digits and '-', starting with a letter")
                    .required(displayName == null ? null : displayName.strip(), "display_name")
                    .maxLength(displayName, 100, "display_name")
                    .throwIfInvalid();
        }
    }

    @Transactional
    public NewUser createUser(Caller caller, CreateUser command) {
        if (!caller.admin()) {
            throw ApiException.permissionDenied("only an administrator can create users");
        }
        if (users.findByHandle(command.handle()).isPresent()) {
            throw ApiException.alreadyExists("users/" + command.handle() + " already exists");
        }
        UserRow user = users.save(new UserRow(
                Ids.next(clock), command.handle(), command.displayName().strip(), false, clock.instant()));
        NewToken token = issueToken(user.id(), "first token");
        return new NewUser(user, token.token(), token.secret());
    }

    @Transactional
    public NewToken createToken(Caller caller, String label) {
        new Validator().maxLength(label, 100, "label").throwIfInvalid();
        users.lockById(caller.userId());
        if (tokens.countActive(caller.userId()) >= MAX_ACTIVE_TOKENS) {
            throw ApiException.resourceExhausted(
                    "TOO_MANY_TOKENS",
                    "at most " + MAX_ACTIVE_TOKENS + " unrevoked access tokens per user; revoke one you no longer use");
        }
        return issueToken(caller.userId(), label == null || label.isBlank() ? "token" : label.strip());
    }

    public record Reset(UserRow user, NewToken token, int revoked) {}

    /**
     * An administrator gives a user who lost their token a way back in: every unrevoked token of the user is revoked
     * and a new one issued, in one transaction, recorded in the log and in the user's activity.
     */
    @Transactional
    public Reset resetAccess(Caller caller, String handle, String label) {
        if (!caller.admin()) {
            throw ApiException.permissionDenied("only an administrator can reset a user's access");
        }
        new Validator().maxLength(label, 100, "label").throwIfInvalid();
        UserRow user = users.findByHandle(handle).orElseThrow(() -> ApiException.notFound("users/" + handle));
        if (user.admin()) {
            throw ApiException.failedPrecondition(
                    "ADMIN_USER",
                    "users/" + handle + " is an administrator, whose "
                            + "token is ASCENT_ADMIN_TOKEN or $ASCENT_HOME/admin-token; rotate that instead");
        }
        users.lockById(user.id());
        Instant now = clock.instant();
        int revoked = 0;
        for (AccessTokenRow t : tokens.listForUser(user.id(), Integer.MAX_VALUE, 0)) {
            if (!t.revoked()) {
                tokens.update(new AccessTokenRow(
                        t.id(),
                        t.userId(),
                        t.tokenHash(),
                        t.label(),
                        t.prefix(),
                        t.createTime(),
                        t.lastUseTime(),
                        now));
                revoked++;
            }
        }
        NewToken token = issueToken(user.id(), label == null || label.isBlank() ? "reset by admin" : label.strip());
        events.publishEvent(new AccessReset(user.id(), caller.userId(), caller.handle(), revoked));
        LOG.info(
                "{} reset the access of users/{}: {} token(s) revoked, new token users/{}/accessTokens/{}",
                caller.name(),
                handle,
                revoked,
                handle,
                token.token().id());
        return new Reset(user, token, revoked);
    }

    public UserRow currentUser(Caller caller) {
        return caller.user();
    }

    public List<AccessTokenRow> listTokens(Caller caller, int limit, int offset) {
        return tokens.listForUser(caller.userId(), limit, offset);
    }

    /** Revokes one of the caller's tokens; someone else's token is NOT_FOUND, so its existence does not leak. */
    @Transactional
    public AccessTokenRow revokeToken(Caller caller, long tokenId) {
        AccessTokenRow row = tokens.findById(tokenId)
                .filter(t -> t.userId() == caller.userId())
                .orElseThrow(() -> ApiException.notFound(caller.name() + "/accessTokens/" + tokenId));
        if (row.revoked()) {
            return row;
        }
        AccessTokenRow revoked = new AccessTokenRow(
                row.id(),
                row.userId(),
                row.tokenHash(),
                row.label(),
                row.prefix(),
                row.createTime(),
                row.lastUseTime(),
                clock.instant());
        return tokens.update(revoked);
    }

    /**
     * Makes sure the admin user exists and that the configured admin token logs in as it. A changed
     * ASCENT_ADMIN_TOKEN replaces the old admin token. Returns false when the token was revoked (the admin revoked
     * it through the API): it is not brought back, the caller rotates it or reports it.
     */
    @Transactional
    public boolean ensureAdmin(String adminToken) {
        Instant now = clock.instant();
        UserRow admin = users.findByHandle("admin")
                .orElseGet(() -> users.save(new UserRow(Ids.next(clock), "admin", "Administrator", true, now)));
        String hash = Tokens.hash(adminToken);
        Optional<AccessTokenRow> known = tokens.findByTokenHash(hash);
        if (known.isPresent()) {
            return !known.get().revoked();
        }
        tokens.listForUser(admin.id(), Integer.MAX_VALUE, 0).stream()
                .filter(t -> t.label().equals(ADMIN_TOKEN_LABEL) && !t.revoked())
                .forEach(t -> tokens.update(new AccessTokenRow(
                        t.id(),
                        t.userId(),
                        t.tokenHash(),
                        t.label(),
                        t.prefix(),
                        t.createTime(),
                        t.lastUseTime(),
                        now)));
        tokens.save(new AccessTokenRow(
                Ids.next(clock), admin.id(), hash, ADMIN_TOKEN_LABEL, Tokens.prefix(adminToken), now, null, null));
        return true;
    }

    static final String ADMIN_TOKEN_LABEL = "admin token (ASCENT_ADMIN_TOKEN or $ASCENT_HOME/admin-token)";

    private NewToken issueToken(long userId, String label) {
        String secret = "asc_" + AdminToken.newSecret();
        AccessTokenRow row = tokens.save(new AccessTokenRow(
                Ids.next(clock),
                userId,
                Tokens.hash(secret),
                label,
                Tokens.prefix(secret),
                clock.instant(),
                null,
                null));
        return new NewToken(row, secret);
    }
}
