package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.CreateCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.RevokeCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.RotateCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The calendar feed over real HTTP, as a calendar app fetches it: 200 and a calendar, 304, 404, new ETags. */
class CalendarFeedTest {

    static WebHarness web;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        web = WebHarness.shared();
    }

    static HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(web.baseUrl() + path)).GET();
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCalendarAppSubscribesRevalidatesAndLosesAccessWhenTheSecretChanges() throws Exception {
        String[] user = web.newUser("cal", "Cal Endar");
        AscentClient cal = web.as(user[1]);
        Plan plan = cal.plans()
                .createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole("roles/senior-machine-learning-engineer")
                        .setHoursPerWeek(6)
                        .build())
                .getPlan();
        String secret = cal.exports()
                .createCalendarFeed(CreateCalendarFeedRequest.getDefaultInstance())
                .getSecret();
        String path = "/calendar/" + user[0] + "/" + secret + ".ics";

        HttpResponse<String> first = get(path, null);
        assertEquals(200, first.statusCode(), first::body);
        assertTrue(
                first.headers().firstValue("Content-Type").orElseThrow().startsWith("text/calendar"),
                first.headers()::toString);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        List<VEvent> events =
                new CalendarBuilder().build(new StringReader(first.body())).getComponents("VEVENT");
        assertEquals(plan.getItemsCount(), events.size(), "every item of a new plan is open; no cards, no reminder");
        assertNotNull(events.get(0).getUid().orElseThrow());

        HttpResponse<String> same = get(path, etag);
        assertEquals(304, same.statusCode());
        assertEquals("", same.body());
        assertEquals(200, get(path, "\"something-else\"").statusCode());

        PlanItem item = plan.getItems(0);
        cal.plans()
                .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                        .setPlanItem(
                                PlanItem.newBuilder().setName(item.getName()).setTitle("Renamed: " + item.getTitle()))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("title"))
                        .build());
        HttpResponse<String> changed = get(path, etag);
        assertEquals(200, changed.statusCode());
        assertNotEquals(etag, changed.headers().firstValue("ETag").orElseThrow());
        assertTrue(changed.body().contains("Renamed: "), changed.body());

        HttpResponse<String> wrong = get("/calendar/" + user[0] + "/x" + secret.substring(1) + ".ics", null);
        HttpResponse<String> nobody = get("/calendar/nobody-" + user[0] + "/" + secret + ".ics", null);
        assertEquals(404, wrong.statusCode());
        assertEquals(404, nobody.statusCode());
        assertEquals(wrong.body(), nobody.body(), "the answer does not tell whether the user exists");
        assertEquals(
                404, get("/calendar/" + user[0] + "/" + secret + ".txt", null).statusCode());

        String rotated = cal.exports()
                .rotateCalendarFeed(RotateCalendarFeedRequest.getDefaultInstance())
                .getSecret();
        assertEquals(404, get(path, null).statusCode(), "rotating revokes the old URL");
        String newPath = "/calendar/" + user[0] + "/" + rotated + ".ics";
        assertEquals(200, get(newPath, null).statusCode());
        cal.exports().revokeCalendarFeed(RevokeCalendarFeedRequest.getDefaultInstance());
        assertEquals(404, get(newPath, null).statusCode());
    }
}
