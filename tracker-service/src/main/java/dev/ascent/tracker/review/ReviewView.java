package dev.ascent.tracker.review;

/** A review request with its mentee's and mentor's handles. */
public record ReviewView(ReviewRequestRow row, String menteeHandle, String mentorHandle) {}
