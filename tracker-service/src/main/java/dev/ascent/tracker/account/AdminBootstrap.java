package dev.ascent.tracker.account;

import dev.ascent.common.AdminToken;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;

/** The admin user exists from the first start, logging in with the admin token both services share. */
@Context
public class AdminBootstrap {

    private final AccountService accounts;
    private final AdminToken adminToken;

    public AdminBootstrap(AccountService accounts, AdminToken adminToken) {
        this.accounts = accounts;
        this.adminToken = adminToken;
    }

    @PostConstruct
    void ensureAdmin() {
        accounts.ensureAdmin(adminToken);
    }
}
