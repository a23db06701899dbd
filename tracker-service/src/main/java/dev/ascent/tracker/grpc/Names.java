package dev.ascent.tracker.grpc;

import dev.ascent.common.error.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses tracker resource names; a malformed name is INVALID_ARGUMENT naming the field. */
public final class Names {

    private static final String HANDLE = "([a-z][a-z0-9-]{2,31})";
    private static final String ID = "(\\d{1,19})";
    private static final Pattern USER = Pattern.compile("users/" + HANDLE);
    private static final Pattern PLAN = Pattern.compile("users/" + HANDLE + "/plans/" + ID);
    private static final Pattern ITEM = Pattern.compile("users/" + HANDLE + "/plans/" + ID + "/items/" + ID);

    public record PlanName(String handle, long planId) {
        public String name() {
            return "users/" + handle + "/plans/" + planId;
        }
    }

    public record ItemName(String handle, long planId, long itemId) {
        public String name() {
            return "users/" + handle + "/plans/" + planId + "/items/" + itemId;
        }

        public PlanName plan() {
            return new PlanName(handle, planId);
        }
    }

    private Names() {
    }

    public static String user(String name, String field) {
        return match(USER, name, field, "users/{handle}").group(1);
    }

    public static PlanName plan(String name, String field) {
        Matcher m = match(PLAN, name, field, "users/{handle}/plans/{plan}");
        return new PlanName(m.group(1), id(m.group(2), field));
    }

    public static ItemName item(String name, String field) {
        Matcher m = match(ITEM, name, field, "users/{handle}/plans/{plan}/items/{item}");
        return new ItemName(m.group(1), id(m.group(2), field), id(m.group(3), field));
    }

    private static Matcher match(Pattern pattern, String name, String field, String shape) {
        Matcher m = pattern.matcher(name == null ? "" : name);
        if (!m.matches()) {
            throw ApiException.invalid(field, name == null || name.isEmpty() ? "is required, as " + shape
                    : "must look like " + shape);
        }
        return m;
    }

    private static long id(String digits, String field) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, "has an id out of range");
        }
    }
}
