package dev.ascent.tracker.practice;

import dev.ascent.common.grpc.ResourceName;

/** Practice resource names; a malformed one is INVALID_ARGUMENT naming the field. */
public final class PracticeNames {

    public static final ResourceName SESSION =
            ResourceName.of("users/{handle}/practiceSessions/{session}", ResourceName.HANDLE, ResourceName.ID);
    public static final ResourceName STEP = ResourceName.of(
            "users/{handle}/practiceSessions/{session}/steps/{n}", ResourceName.HANDLE, ResourceName.ID, "\\d{1,4}");
    public static final ResourceName DESIGN_PROMPT = ResourceName.of("designPrompts/{prompt}", ResourceName.SLUG);
    public static final ResourceName CHECKLIST = ResourceName.of("checklists/{checklist}", "\\d{1,18}");
    static final int MAX_SOURCE = 130;

    public record SessionName(String handle, long sessionId) {
        public String name() {
            return session(handle, sessionId);
        }
    }

    public record StepName(SessionName session, int position) {}

    private PracticeNames() {}

    public static String session(String handle, long id) {
        return SESSION.format(handle, id);
    }

    public static String step(String handle, long sessionId, int position) {
        return STEP.format(handle, sessionId, position);
    }

    public static SessionName session(String name, String field) {
        ResourceName.Parts p = SESSION.parse(name, field);
        return new SessionName(p.get("handle"), p.id("session"));
    }

    public static StepName step(String name, String field) {
        ResourceName.Parts p = STEP.parse(name, field);
        return new StepName(new SessionName(p.get("handle"), p.id("session")), (int) p.id("n"));
    }

    /** True when {@code value} looks like {@code designPrompts/{slug}} or {@code checklists/{id}}. */
    public static boolean isSource(String value) {
        return value != null
                && value.length() <= MAX_SOURCE
                && (DESIGN_PROMPT.matches(value) || CHECKLIST.matches(value));
    }

    public static boolean isDesignPrompt(String source) {
        return source.startsWith("designPrompts/");
    }
}
