package dev.ascent.tracker.grpc;

import dev.ascent.common.grpc.ResourceName;

/** The names of users, plans and items; a malformed name is INVALID_ARGUMENT naming the field. */
public final class Names {

    public static final ResourceName USER = ResourceName.of("users/{handle}", ResourceName.HANDLE);
    /** A catalog role, as plans name their target role. */
    public static final ResourceName ROLE = ResourceName.of("roles/{slug}", ResourceName.SLUG);

    private static final ResourceName BARE_HANDLE = ResourceName.of("{handle}", ResourceName.HANDLE);
    public static final ResourceName PLAN =
            ResourceName.of("users/{handle}/plans/{plan}", ResourceName.HANDLE, ResourceName.ID);
    public static final ResourceName ITEM = ResourceName.of(
            "users/{handle}/plans/{plan}/items/{item}", ResourceName.HANDLE, ResourceName.ID, ResourceName.ID);

    public record PlanName(String handle, long planId) {
        public String name() {
            return PLAN.format(handle, planId);
        }
    }

    public record ItemName(String handle, long planId, long itemId) {
        public String name() {
            return ITEM.format(handle, planId, itemId);
        }

        public PlanName plan() {
            return new PlanName(handle, planId);
        }
    }

    private Names() {}

    public static String user(String name, String field) {
        return USER.parse(name, field).get("handle");
    }

    /** {@code users/{handle}}, or the bare handle some requests accept in its place. */
    public static String userOrHandle(String value, String field) {
        return BARE_HANDLE.matches(value) ? value : user(value, field);
    }

    public static PlanName plan(String name, String field) {
        ResourceName.Parts p = PLAN.parse(name, field);
        return new PlanName(p.get("handle"), p.id("plan"));
    }

    public static ItemName item(String name, String field) {
        ResourceName.Parts p = ITEM.parse(name, field);
        return new ItemName(p.get("handle"), p.id("plan"), p.id("item"));
    }
}
