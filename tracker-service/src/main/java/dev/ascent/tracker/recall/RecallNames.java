package dev.ascent.tracker.recall;

import dev.ascent.common.error.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recall resource names; a malformed one is INVALID_ARGUMENT naming the field. */
public final class RecallNames {

    private static final String HANDLE = "([a-z][a-z0-9-]{2,31})";
    private static final Pattern CARD = Pattern.compile("users/" + HANDLE + "/recallCards/(\\d{1,18})");
    private static final Pattern SETTINGS = Pattern.compile("users/" + HANDLE + "/recallSettings");

    public record CardName(String handle, long cardId) {
        public String name() {
            return card(handle, cardId);
        }
    }

    private RecallNames() {
    }

    public static String card(String handle, long id) {
        return "users/" + handle + "/recallCards/" + id;
    }

    public static CardName card(String name, String field) {
        Matcher m = CARD.matcher(name == null ? "" : name);
        if (!m.matches()) {
            throw ApiException.invalid(field, name == null || name.isEmpty()
                    ? "is required, as users/{handle}/recallCards/{card}"
                    : "must look like users/{handle}/recallCards/{card}");
        }
        return new CardName(m.group(1), Long.parseLong(m.group(2)));
    }

    /** The handle of a {@code users/{handle}/recallSettings} name; null when empty (the caller). */
    public static String settingsOwner(String name, String field) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        Matcher m = SETTINGS.matcher(name);
        if (!m.matches()) {
            throw ApiException.invalid(field, "must look like users/{handle}/recallSettings");
        }
        return m.group(1);
    }
}
