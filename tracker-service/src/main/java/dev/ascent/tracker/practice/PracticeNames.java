package dev.ascent.tracker.practice;

import dev.ascent.common.error.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Practice resource names; a malformed one is INVALID_ARGUMENT naming the field. */
public final class PracticeNames {

    private static final String HANDLE = "([a-z][a-z0-9-]{2,31})";
    private static final Pattern SESSION = Pattern.compile("users/" + HANDLE + "/practiceSessions/(\\d{1,18})");
    private static final Pattern STEP = Pattern.compile("users/" + HANDLE + "/practiceSessions/(\\d{1,18})"
            + "/steps/(\\d{1,4})");
    private static final Pattern SOURCE = Pattern.compile(
            "designPrompts/[a-z0-9]+(-[a-z0-9]+)*|checklists/\\d{1,18}");
    static final int MAX_SOURCE = 130;

    public record SessionName(String handle, long sessionId) {
        public String name() {
            return "users/" + handle + "/practiceSessions/" + sessionId;
        }
    }

    public record StepName(SessionName session, int position) {
    }

    private PracticeNames() {
    }

    public static String session(String handle, long id) {
        return "users/" + handle + "/practiceSessions/" + id;
    }

    public static String step(String handle, long sessionId, int position) {
        return session(handle, sessionId) + "/steps/" + position;
    }

    public static SessionName session(String name, String field) {
        Matcher m = match(SESSION, name, field, "users/{handle}/practiceSessions/{session}");
        return new SessionName(m.group(1), Long.parseLong(m.group(2)));
    }

    public static StepName step(String name, String field) {
        Matcher m = match(STEP, name, field, "users/{handle}/practiceSessions/{session}/steps/{n}");
        return new StepName(new SessionName(m.group(1), Long.parseLong(m.group(2))), Integer.parseInt(m.group(3)));
    }

    /** True when {@code value} looks like {@code designPrompts/{slug}} or {@code checklists/{id}}. */
    public static boolean isSource(String value) {
        return value != null && value.length() <= MAX_SOURCE && SOURCE.matcher(value).matches();
    }

    public static boolean isDesignPrompt(String source) {
        return source.startsWith("designPrompts/");
    }

    private static Matcher match(Pattern pattern, String name, String field, String shape) {
        Matcher m = pattern.matcher(name == null ? "" : name);
        if (!m.matches()) {
            throw ApiException.invalid(field, name == null || name.isEmpty() ? "is required, as " + shape
                    : "must look like " + shape);
        }
        return m;
    }
}
