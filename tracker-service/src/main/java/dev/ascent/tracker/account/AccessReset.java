package dev.ascent.tracker.account;

/**
 * Published in the transaction of {@link AccountService#resetAccess}: an administrator revoked {@code revoked}
 * tokens of the user and issued a new one. Listeners (the user's activity history) run in the same transaction.
 */
public record AccessReset(long userId, long adminId, String adminHandle, int revoked) {}
