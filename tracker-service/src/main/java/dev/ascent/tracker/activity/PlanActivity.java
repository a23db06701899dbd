package dev.ascent.tracker.activity;

import java.time.Instant;

/**
 * Published by {@link ActivityLog#record} for an event that names a plan, in the writer's transaction: the plan
 * feature moves the plan's last-activity time.
 */
public record PlanActivity(long planId, Instant time) {}
