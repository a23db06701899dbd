package dev.ascent.tracker.activity;

/** One stored event, with the handles of its owner and actor resolved. */
public record ActivityRow(
        long seq,
        long ownerId,
        String ownerHandle,
        Long planId,
        Long itemId,
        String actorHandle,
        ActivityType type,
        String summary,
        String oldStatus,
        String newStatus,
        int minutes,
        Integer day,
        String subject,
        long createMicros) {}
