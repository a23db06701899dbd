package dev.ascent.web;

import java.util.regex.Pattern;

/**
 * Resource names built from URL path segments. Each segment is checked first, so a crafted path can never name
 * something other than what its shape says; a segment of the wrong shape is simply not found.
 */
public final class Names {

    private static final Pattern HANDLE = Pattern.compile("[a-z][a-z0-9-]{2,31}");
    private static final Pattern ID = Pattern.compile("[0-9]{1,20}");
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private Names() {}

    public static String user(String handle) {
        return "users/" + check(HANDLE, handle);
    }

    public static String plan(String handle, String plan) {
        return user(handle) + "/plans/" + check(ID, plan);
    }

    public static String item(String handle, String plan, String item) {
        return plan(handle, plan) + "/items/" + check(ID, item);
    }

    public static String practiceSession(String handle, String session) {
        return user(handle) + "/practiceSessions/" + check(ID, session);
    }

    public static String role(String slug) {
        return "roles/" + check(SLUG, slug);
    }

    public static String designPrompt(String slug) {
        return "designPrompts/" + check(SLUG, slug);
    }

    public static String reviewRequest(String id) {
        return "reviewRequests/" + check(ID, id);
    }

    public static String mentorship(String id) {
        return "mentorships/" + check(ID, id);
    }

    /** A practice source from a form: a design prompt or checklist name, checked segment by segment. */
    public static String practiceSource(String source) {
        if (source.startsWith("designPrompts/")) {
            return designPrompt(source.substring("designPrompts/".length()));
        }
        if (source.startsWith("checklists/")) {
            String rest = source.substring("checklists/".length());
            if (rest.matches("[A-Za-z0-9._/-]{1,200}") && !rest.contains("..")) {
                return source;
            }
        }
        throw new Form.BadForm("choose a design prompt or checklist to practise");
    }

    public static boolean isHandle(String s) {
        return s != null && HANDLE.matcher(s).matches();
    }

    private static String check(Pattern p, String segment) {
        if (segment == null || !p.matcher(segment).matches()) {
            throw new BadName();
        }
        return segment;
    }

    /** A path segment of the wrong shape: the page does not exist. */
    public static final class BadName extends RuntimeException {
        BadName() {
            super("no such page", null, false, false);
        }
    }
}
