package dev.ascent.common.grpc;

import static dev.ascent.common.grpc.PageRequestTest.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.common.error.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceNameTest {

    private static final ResourceName ITEM = ResourceName.of(
            "users/{handle}/plans/{plan}/items/{item}", ResourceName.HANDLE, ResourceName.ID, ResourceName.ID);
    private static final ResourceName ROLE = ResourceName.of("roles/{slug}", ResourceName.SLUG);

    @Test
    void parsesTheVariables() {
        ResourceName.Parts parts = ITEM.parse("users/ada/plans/42/items/7", "name");
        assertEquals("ada", parts.get("handle"));
        assertEquals(42, parts.id("plan"));
        assertEquals(7, parts.id("item"));
        assertEquals(
                "backend-engineer", ROLE.parse("roles/backend-engineer", "role").get("slug"));
    }

    @Test
    void formatsWhatItParses() {
        assertEquals("users/ada/plans/42/items/7", ITEM.format("ada", 42L, 7));
        assertTrue(ITEM.matches(ITEM.format("ada", 42L, 7)));
    }

    @Test
    void aMissingNameIsRequiredAndAMalformedOneShowsThePattern() {
        ApiException missing = assertThrows(ApiException.class, () -> ITEM.parse("", "parent"));
        assertEquals("parent", field(missing));
        assertEquals(
                "is required, as users/{handle}/plans/{plan}/items/{item}",
                missing.violations().get(0).description());
        assertEquals(
                missing.violations(),
                assertThrows(ApiException.class, () -> ITEM.parse(null, "parent"))
                        .violations());
        ApiException malformed = assertThrows(ApiException.class, () -> ITEM.parse("users/ada/plans/x", "parent"));
        assertEquals(
                "must look like users/{handle}/plans/{plan}/items/{item}",
                malformed.violations().get(0).description());
    }

    @Test
    void refusesWhatTheVariablesDoNotMatch() {
        for (String bad : List.of(
                "users/Ada/plans/1/items/2",
                "users/ad/plans/1/items/2",
                "users/ada/plans/1/items/",
                "users/ada/plans/1/items/2/",
                "xusers/ada/plans/1/items/2",
                "users/ada/plans/1.1/items/2",
                "users/ada/plans/12345678901234567890/items/2")) {
            assertFalse(ITEM.matches(bad), bad);
        }
        for (String bad :
                List.of("roles/-a", "roles/a-", "roles/a--b", "roles/A", "roles/" + "a".repeat(121), "roles/a/b")) {
            assertFalse(ROLE.matches(bad), bad);
        }
        assertTrue(ROLE.matches("roles/" + "a".repeat(120)));
    }

    @Test
    void anIdTooLargeForALongIsOutOfRange() {
        ResourceName.Parts parts = ITEM.parse("users/ada/plans/9999999999999999999/items/1", "name");
        ApiException e = assertThrows(ApiException.class, () -> parts.id("plan"));
        assertEquals("name", field(e));
        assertEquals("has an id out of range", e.violations().get(0).description());
    }

    @Test
    void theTemplateMustFitItsExpressions() {
        assertThrows(IllegalArgumentException.class, () -> ResourceName.of("users/{handle}"));
        assertThrows(IllegalArgumentException.class, () -> ResourceName.of("users", ResourceName.HANDLE));
        assertThrows(IllegalArgumentException.class, () -> ROLE.format("a", "b"));
        assertThrows(
                IllegalArgumentException.class,
                () -> ROLE.parse("roles/a", "name").get("role"));
    }
}
