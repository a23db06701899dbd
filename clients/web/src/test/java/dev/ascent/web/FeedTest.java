package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.ActivityEvent;
import dev.ascent.proto.tracker.v1.ActivityType;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.ListActivityRequest;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.Plan;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard's live feed: WatchActivity as server-sent events, resumed from Last-Event-ID after a reconnect. */
class FeedTest {

    static WebHarness web;

    @BeforeAll
    static void start() throws Exception {
        web = WebHarness.shared();
    }

    /** One SSE event as the browser's EventSource assembles it. */
    record Sse(String id, String event, String data) {}

    /** An open event stream, read on another thread. */
    static final class EventStream implements AutoCloseable {
        final BlockingQueue<Sse> events = new LinkedBlockingQueue<>();
        final CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;

        EventStream(WebUser user, String path, String lastEventId) {
            HttpRequest.Builder r =
                    user.request(path).header("Accept", "text/event-stream").timeout(java.time.Duration.ofMinutes(2));
            if (lastEventId != null) {
                r.header("Last-Event-ID", lastEventId);
            }
            response = user.http().sendAsync(r.GET().build(), HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(resp -> {
                String id = null;
                String event = null;
                StringBuilder data = new StringBuilder();
                for (String line : (Iterable<String>) resp.body()::iterator) {
                    if (line.isEmpty()) {
                        events.add(new Sse(id, event, data.toString()));
                        id = null;
                        event = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            });
        }

        Sse nextActivity() throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < until) {
                Sse e = events.poll(1, TimeUnit.SECONDS);
                if (e != null && "activity".equals(e.event())) {
                    return e;
                }
            }
            return null;
        }

        @Override
        public void close() {
            response.cancel(true);
            response.thenAccept(r -> r.body().close());
        }
    }

    @Test
    void theFeedShowsNewActivityAndResumesAfterAReconnectWithoutLossOrRepeats() throws Exception {
        String[] user = web.newUser("feed-erin", "Feed Erin");
        WebUser erin = new WebUser(web.baseUrl(), user[0]);
        erin.signIn(user[1]);
        AscentClient client = web.as(user[1]);
        Plan plan = client.plans()
                .createPlan(CreatePlanRequest.newBuilder()
                        .setTargetRole("roles/senior-machine-learning-engineer")
                        .setHoursPerWeek(4)
                        .build())
                .getPlan();
        String item = plan.getItems(0).getName();

        // The dashboard starts the feed after the newest event it rendered.
        String connect =
                Jsoup.parse(erin.page("/").body()).select("[sse-connect]").attr("sse-connect");
        long rendered = client.progress()
                .listActivity(ListActivityRequest.newBuilder()
                        .setParent(plan.getName())
                        .setPageSize(1)
                        .build())
                .getActivityEvents(0)
                .getSequence();
        assertEquals("/feed/events?after=" + rendered, connect);

        Sse first;
        try (EventStream feed = new EventStream(erin, connect, null)) {
            client.plans()
                    .logTime(LogTimeRequest.newBuilder()
                            .setPlanItem(item)
                            .setMinutes(25)
                            .build());
            first = feed.nextActivity();
            assertNotNull(first, "the logged time reaches the open feed");
            assertTrue(first.data().startsWith("<li class=\"event event-time-logged\""), first.data());
            assertTrue(first.data().contains("25"), first.data());
            assertTrue(Long.parseLong(first.id()) > rendered);
        }
        // While the browser is away, two more things happen; the reconnect sends the last id it saw.
        client.plans()
                .logTime(LogTimeRequest.newBuilder()
                        .setPlanItem(item)
                        .setMinutes(35)
                        .build());
        client.plans()
                .logTime(LogTimeRequest.newBuilder()
                        .setPlanItem(item)
                        .setMinutes(45)
                        .build());
        try (EventStream resumed = new EventStream(erin, connect, first.id())) {
            java.util.List<Sse> seen = new java.util.ArrayList<>();
            while (seen.stream().noneMatch(e -> e.data().contains("Logged 45 min"))) {
                Sse next = resumed.nextActivity();
                assertNotNull(next, "missing events after " + seen);
                seen.add(next);
            }
            java.util.List<Long> ids =
                    seen.stream().map(e -> Long.parseLong(e.id())).toList();
            assertTrue(ids.get(0) > Long.parseLong(first.id()), "resumed after the last id seen: " + ids);
            // The first log also moved the item to IN_PROGRESS; the first stream closed before sending that event,
            // so the resumed stream must deliver it.
            assertTrue(seen.get(0).data().contains("IN_PROGRESS"), seen.get(0).data());
            for (int i = 1; i < ids.size(); i++) {
                assertTrue(ids.get(i) > ids.get(i - 1), "in order, no repeats: " + ids);
            }
            assertTrue(seen.stream().anyMatch(e -> e.data().contains("Logged 35 min")), seen::toString);
        }
    }

    @Test
    void theFeedNeedsASignedInSession() throws Exception {
        var response = web.visitor()
                .http()
                .send(web.visitor().request("/feed/events").GET().build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(303, response.statusCode());
    }

    /** An event of a type newer than this app's protos (the tracker upgraded first) renders like any other. */
    @Test
    void eventsOfNewAndUnknownTypesRender() throws Exception {
        @SuppressWarnings("unchecked")
        ThymeleafViewsRenderer<Map<String, Object>> renderer = web.context().getBean(ThymeleafViewsRenderer.class);
        ActivityEvent.Builder e = ActivityEvent.newBuilder()
                .setSequence(41)
                .setActor("users/ann")
                .setSummary("Reopened verified \"Ship it\"")
                .setPlan("users/ann/plans/3")
                .setItem("users/ann/plans/3/items/9");
        Element reopened = rendered(
                renderer,
                e.setType(ActivityType.ACTIVITY_TYPE_VERIFIED_ITEM_REOPENED).build());
        assertEquals("event event-verified-item-reopened", reopened.className());
        assertEquals("/users/ann/plans/3#item-9", reopened.select("a").attr("href"));
        Element unknown = rendered(
                renderer, e.setTypeValue(999).setSummary("Something new").build());
        assertEquals("event", unknown.className());
        assertTrue(unknown.text().startsWith("ann Something new"), unknown.text());
    }

    private static Element rendered(ThymeleafViewsRenderer<Map<String, Object>> renderer, ActivityEvent event)
            throws Exception {
        StringWriter out = new StringWriter();
        renderer.render("feed-item", Map.of("labels", new Labels(), "e", event), null)
                .writeTo(out);
        return Jsoup.parseBodyFragment("<ul>" + out + "</ul>").selectFirst("li#event-" + event.getSequence());
    }

    @Test
    void anUnparseableLastEventIdStartsFromNow() {
        assertEquals(0, dev.ascent.web.feed.FeedController.resumeFrom("garbage", 12L));
        assertEquals(7, dev.ascent.web.feed.FeedController.resumeFrom("7", 12L));
        assertEquals(12, dev.ascent.web.feed.FeedController.resumeFrom(null, 12L));
        assertEquals(0, dev.ascent.web.feed.FeedController.resumeFrom(null, -3L));
    }
}
