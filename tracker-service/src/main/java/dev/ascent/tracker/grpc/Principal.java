package dev.ascent.tracker.grpc;

/**
 * Whom a call acts for, as the plumbing sees it: the request log is kept per user. The account feature's
 * {@code Caller} is one; the plumbing needs nothing else of it.
 */
public interface Principal {

    long userId();
}
