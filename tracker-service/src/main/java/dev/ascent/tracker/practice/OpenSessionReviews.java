package dev.ascent.tracker.practice;

import java.util.Collection;
import java.util.Map;

/** The open review request of each of a page of sessions; the review feature (above practice) answers. */
public interface OpenSessionReviews {

    /** Session id to review request id. */
    Map<Long, Long> bySession(Collection<Long> sessionIds);
}
