package dev.ascent.tracker.account;

import dev.ascent.common.AdminToken;
import dev.ascent.tracker.grpc.Idempotency;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin user exists from the first start, logging in with the admin token both services share.
 *
 * <p>Instances starting together on a fresh database race to insert the admin user and token: the loser's insert
 * fails on the unique key and it tries again, finding the winner's rows. A file admin token that was revoked is
 * replaced with a new one in {@code $ASCENT_HOME/admin-token}, so a restart never locks the admin out; a revoked
 * {@code ASCENT_ADMIN_TOKEN} stays revoked (it is not brought back) and the log says to set a new one.
 */
@Context
public class AdminBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final int ATTEMPTS = 10;

    private final AccountService accounts;
    private final AdminToken adminToken;

    public AdminBootstrap(AccountService accounts, AdminToken adminToken) {
        this.accounts = accounts;
        this.adminToken = adminToken;
    }

    @PostConstruct
    void ensureAdmin() {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                String token = adminToken.value();
                if (accounts.ensureAdmin(token)) {
                    return;
                }
                if (!adminToken.fromFile()) {
                    LOG.error(
                            "{} was revoked through the API and is not accepted; set a new value and restart both "
                                    + "services to rotate it (README: the admin token)",
                            AdminToken.VARIABLE);
                    return;
                }
                adminToken.rotate(token);
                LOG.warn(
                        "the admin token in {} was revoked; a new one was written there",
                        adminToken.file().orElseThrow());
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !Idempotency.isContention(e)) {
                    throw e;
                }
                sleep(ThreadLocalRandom.current().nextInt(20, 100));
            }
        }
        throw new IllegalStateException("the admin token was revoked again after " + ATTEMPTS + " rotations");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the admin user", e);
        }
    }
}
