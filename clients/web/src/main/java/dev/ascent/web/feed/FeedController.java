package dev.ascent.web.feed;

import dev.ascent.client.AscentClient;
import dev.ascent.client.AscentException;
import dev.ascent.proto.tracker.v1.WatchActivityRequest;
import dev.ascent.web.Web;
import dev.ascent.web.session.WebSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The live feed: {@code WatchActivity} relayed as server-sent events. Every event and heartbeat carries its
 * sequence as the SSE id, so a browser that reconnects (EventSource does so by itself) sends it back as
 * {@code Last-Event-ID} and the feed resumes from there: nothing lost, nothing twice. Each open feed holds one
 * thread of the I/O pool while it waits on the blocking stream.
 */
@Controller("/feed")
public final class FeedController {

    private static final Logger LOG = LoggerFactory.getLogger(FeedController.class);
    static final int HEARTBEAT_SECONDS = 15;

    private final Web web;
    private final ExecutorService executor;
    private final io.micronaut.views.thymeleaf.ThymeleafViewsRenderer<Map<String, Object>> renderer;

    public FeedController(
            Web web,
            @Named(TaskExecutors.IO) ExecutorService executor,
            io.micronaut.views.thymeleaf.ThymeleafViewsRenderer<Map<String, Object>> renderer) {
        this.web = web;
        this.executor = executor;
        this.renderer = renderer;
    }

    @Get(value = "/events", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<String>> events(
            HttpRequest<?> request,
            @Nullable @Header("Last-Event-ID") String lastEventId,
            @Nullable @QueryValue Long after) {
        WebSession s = web.user(request);
        AscentClient client = web.client(s);
        long cursor = resumeFrom(lastEventId, after);
        // Not web.page(...): that would take the session's pending messages, which belong to the next page.
        Map<String, Object> base = Map.of("labels", web.labels());
        return Flux.create(
                sink -> {
                    Future<?> follower = executor.submit(() -> {
                        try {
                            client.activity()
                                    .follow(
                                            WatchActivityRequest.newBuilder()
                                                    .setAfterSequence(cursor)
                                                    .setHeartbeatSeconds(HEARTBEAT_SECONDS)
                                                    .build(),
                                            next -> {
                                                if (sink.isCancelled()) {
                                                    return false;
                                                }
                                                if (next.hasEvent()) {
                                                    var e = next.getEvent();
                                                    sink.next(Event.of(render(base, e))
                                                            .id(Long.toString(e.getSequence()))
                                                            .name("activity"));
                                                } else {
                                                    String c = Long.toString(
                                                            next.getHeartbeat().getCursor());
                                                    sink.next(Event.of(c).id(c).name("heartbeat"));
                                                }
                                                return !sink.isCancelled();
                                            });
                            sink.complete();
                        } catch (AscentException e) {
                            // A cancelled stream (the browser left) or a revoked token: the browser reconnects or
                            // stops.
                            LOG.debug("feed ended: {}", e.getMessage());
                            sink.complete();
                        } catch (RuntimeException e) {
                            LOG.warn("feed failed", e);
                            sink.complete();
                        }
                    });
                    sink.onDispose(() -> follower.cancel(true));
                },
                FluxSink.OverflowStrategy.BUFFER);
    }

    /** Last-Event-ID (a reconnect) wins over the page's starting cursor; anything unparseable starts from now. */
    public static long resumeFrom(String lastEventId, Long after) {
        if (lastEventId != null) {
            try {
                return Math.max(0, Long.parseLong(lastEventId.strip()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return after == null ? 0 : Math.max(0, after);
    }

    private String render(Map<String, Object> base, dev.ascent.proto.tracker.v1.ActivityEvent event) {
        Map<String, Object> model = new java.util.HashMap<>(base);
        model.put("e", event);
        StringWriter out = new StringWriter();
        try {
            renderer.render("feed-item", model, null).writeTo(out);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        // SSE data lines cannot hold raw newlines; the markup does not need them.
        return out.toString().replace('\n', ' ').replace('\r', ' ').strip();
    }
}
