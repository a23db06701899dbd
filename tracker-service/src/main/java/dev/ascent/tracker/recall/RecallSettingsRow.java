package dev.ascent.tracker.recall;

import dev.ascent.tracker.recall.fsrs.FsrsParameters;

/** A user's recall settings; {@link #DEFAULTS} until they change any. */
public record RecallSettingsRow(double desiredRetention, int dailyLimit, String timeZone) {

    public static final RecallSettingsRow DEFAULTS =
            new RecallSettingsRow(FsrsParameters.DEFAULT_DESIRED_RETENTION, 0, "UTC");
}
