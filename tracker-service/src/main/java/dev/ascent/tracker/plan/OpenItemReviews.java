package dev.ascent.tracker.plan;

import java.util.Map;

/** The open review request of each item of a plan, shown on the plan; the review feature (above plan) answers. */
public interface OpenItemReviews {

    /** Item id to review request id. */
    Map<Long, Long> byItem(long planId);
}
