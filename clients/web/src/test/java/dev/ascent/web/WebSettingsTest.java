package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.proto.tracker.v1.ActivityEvent;
import dev.ascent.proto.tracker.v1.ActivityType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings from the environment, and the shapes URL segments must have before they become resource names. */
class WebSettingsTest {

    @Test
    void defaultsMatchAscentUp() {
        WebSettings s = WebSettings.fromEnvironment(Map.of());
        assertEquals(8080, s.port());
        assertEquals("localhost:50051", s.contentTarget());
        assertEquals("localhost:50052", s.trackerTarget());
    }

    @Test
    void portsAndTargetsComeFromTheEnvironment() {
        WebSettings s = WebSettings.fromEnvironment(Map.of(
                "ASCENT_WEB_PORT",
                "9090",
                "ASCENT_CONTENT_PORT",
                "6001",
                "ASCENT_TRACKER_TARGET",
                "tracker:7000",
                "ASCENT_WEB_SECURE_COOKIE",
                "true"));
        assertEquals(9090, s.port());
        assertEquals("localhost:6001", s.contentTarget());
        assertEquals("tracker:7000", s.trackerTarget());
        assertTrue(s.secureCookie());
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class, () -> WebSettings.fromEnvironment(Map.of("ASCENT_WEB_PORT", "eighty")));
        assertTrue(bad.getMessage().contains("ASCENT_WEB_PORT"), bad.getMessage());
    }

    @Test
    void theServicesAreCalledOverTlsTrustingWhatTheyTrust() {
        assertEquals("", WebSettings.fromEnvironment(Map.of()).caFile(), "plain text without TLS settings");
        assertEquals(
                "/etc/ascent/ca.pem",
                WebSettings.fromEnvironment(Map.of(
                                "ASCENT_TLS_CA_FILE",
                                "/etc/ascent/ca.pem",
                                "ASCENT_TLS_CERT_FILE",
                                "/etc/ascent/cert.pem"))
                        .properties()
                        .get("ascent.web.ca-file"));
        assertEquals(
                "/etc/ascent/cert.pem",
                WebSettings.fromEnvironment(Map.of("ASCENT_TLS_CERT_FILE", "/etc/ascent/cert.pem"))
                        .caFile(),
                "the services' own certificate, as they trust it");
    }

    @Test
    void pathSegmentsOfTheWrongShapeNameNothing() {
        assertEquals("users/ann/plans/42/items/7", Names.item("ann", "42", "7"));
        assertThrows(Names.BadName.class, () -> Names.plan("ann", "42/../../x"));
        assertThrows(Names.BadName.class, () -> Names.user("Ann"));
        assertThrows(Names.BadName.class, () -> Names.reviewRequest("1;drop"));
        assertThrows(Form.BadForm.class, () -> Names.practiceSource("users/ann"));
        assertEquals("designPrompts/feature-store", Names.practiceSource("designPrompts/feature-store"));
    }

    @Test
    void labelsReadLikeWords() {
        Labels labels = new Labels();
        assertEquals("in progress", labels.of(dev.ascent.proto.tracker.v1.PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS));
        assertEquals("on track", labels.of(dev.ascent.proto.tracker.v1.Pace.PACE_ON_TRACK));
        assertEquals("1 h 30 min", labels.minutes(90));
        assertEquals("1 day", labels.days(1));
        assertEquals("ann", labels.handle("users/ann/plans/1"));
    }

    /** Every activity type reads as words; one newer than this app's protos reads as nothing, not a failure. */
    @Test
    void activityTypesReadLikeWordsAndUnknownOnesAsNothing() {
        Labels labels = new Labels();
        assertEquals("verified item reopened", labels.of(ActivityType.ACTIVITY_TYPE_VERIFIED_ITEM_REOPENED));
        assertEquals("verified-item-reopened", labels.css(ActivityType.ACTIVITY_TYPE_VERIFIED_ITEM_REOPENED));
        assertEquals("access reset", labels.of(ActivityType.ACTIVITY_TYPE_ACCESS_RESET));
        assertEquals("plan imported", labels.of(ActivityType.ACTIVITY_TYPE_PLAN_IMPORTED));
        for (ActivityType t : ActivityType.values()) {
            if (t != ActivityType.UNRECOGNIZED && t != ActivityType.ACTIVITY_TYPE_UNSPECIFIED) {
                assertTrue(labels.of(t).matches("[a-z]+( [a-z]+)*"), t + " reads as " + labels.of(t));
            }
        }
        ActivityType future =
                ActivityEvent.newBuilder().setTypeValue(999).build().getType();
        assertEquals(ActivityType.UNRECOGNIZED, future);
        assertEquals("", labels.of(future));
        assertEquals("", labels.of(ActivityType.ACTIVITY_TYPE_UNSPECIFIED));
    }
}
