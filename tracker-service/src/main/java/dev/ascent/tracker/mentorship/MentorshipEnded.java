package dev.ascent.tracker.mentorship;

/**
 * Published when a mentorship ends, in the ending transaction, under the mentorship's lock: features above
 * mentorship close what depended on it (open review requests). {@code actorId} ended it, for the reason {@code why}.
 */
public record MentorshipEnded(long menteeId, long mentorId, long actorId, String why) {}
