package dev.ascent.tracker.plan;

import java.time.Instant;

/**
 * Published while a plan is deleted, in the deleting transaction, under the plan lock, after its history is gone
 * and before its items are: features above plan remove or close what they keep about it (comments, open review
 * requests).
 */
public record PlanDeleted(long userId, long planId, Instant time) {}
