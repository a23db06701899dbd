package dev.ascent.tracker.recall;

import dev.ascent.common.grpc.ResourceName;

/** Recall resource names; a malformed one is INVALID_ARGUMENT naming the field. */
public final class RecallNames {

    public static final ResourceName CARD =
            ResourceName.of("users/{handle}/recallCards/{card}", ResourceName.HANDLE, ResourceName.ID);
    public static final ResourceName SETTINGS = ResourceName.of("users/{handle}/recallSettings", ResourceName.HANDLE);

    public record CardName(String handle, long cardId) {
        public String name() {
            return card(handle, cardId);
        }
    }

    private RecallNames() {}

    public static String card(String handle, long id) {
        return CARD.format(handle, id);
    }

    public static CardName card(String name, String field) {
        ResourceName.Parts p = CARD.parse(name, field);
        return new CardName(p.get("handle"), p.id("card"));
    }

    /** The handle of a {@code users/{handle}/recallSettings} name; null when empty (the caller). */
    public static String settingsOwner(String name, String field) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        return SETTINGS.parse(name, field).get("handle");
    }
}
