package dev.ascent.tracker.mentorship;

/** A mentorship with both users' handles and display names resolved. */
public record MentorshipView(
        MentorshipRow row,
        String mentorHandle,
        String mentorDisplayName,
        String menteeHandle,
        String menteeDisplayName) {

    /** The handle of whoever ended it; empty while it has not ended. */
    public String endedByHandle() {
        if (row.endedBy() == null) {
            return "";
        }
        return row.endedBy() == row.mentorId() ? mentorHandle : menteeHandle;
    }
}
