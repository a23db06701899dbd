package dev.ascent.web.calendar;

import dev.ascent.client.AscentException;
import dev.ascent.client.InvalidArgumentException;
import dev.ascent.client.NotFoundException;
import dev.ascent.client.UnavailableException;
import dev.ascent.client.formats.PlanCalendar;
import dev.ascent.proto.tracker.v1.ReadCalendarFeedRequest;
import dev.ascent.proto.tracker.v1.ReadCalendarFeedResponse;
import dev.ascent.web.Web;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The calendar feed calendar apps subscribe to: {@code /calendar/{handle}/{secret}.ics}, iCalendar of the user's open
 * plan items and a daily recall reminder ({@link PlanCalendar}). No session: the secret in the URL is the credential,
 * checked by the tracker ({@code ReadCalendarFeed}). A wrong or revoked secret and an unknown user get the same 404.
 * The ETag is a hash of the calendar's bytes, which depend only on the plans (not on the time of the request), so
 * {@code If-None-Match} gets a 304 until an item changes.
 */
@Controller
public final class CalendarFeedController {

    static final MediaType CALENDAR = MediaType.of("text/calendar; charset=utf-8");
    private static final Pattern HANDLE = Pattern.compile("[a-z][a-z0-9-]{2,31}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,100}\\.ics");

    private final Web web;

    public CalendarFeedController(Web web) {
        this.web = web;
    }

    @Get("/calendar/{handle}/{file}")
    public MutableHttpResponse<?> feed(
            String handle, String file, @Nullable @Header("If-None-Match") String ifNoneMatch) {
        if (!HANDLE.matcher(handle).matches() || !SECRET.matcher(file).matches()) {
            return notFound();
        }
        ReadCalendarFeedResponse feed;
        try {
            feed = web.anonymous()
                    .exports()
                    .readCalendarFeed(ReadCalendarFeedRequest.newBuilder()
                            .setUser("users/" + handle)
                            .setSecret(file.substring(0, file.length() - ".ics".length()))
                            .build());
        } catch (NotFoundException | InvalidArgumentException e) {
            return notFound();
        } catch (UnavailableException e) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.TEXT_PLAIN_TYPE)
                    .header("Retry-After", "30")
                    .body("The tracker is unavailable; try again shortly.\n");
        } catch (AscentException e) {
            return HttpResponse.serverError()
                    .contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body("Something went wrong.\n");
        }
        byte[] body = PlanCalendar.of(feed).getBytes(StandardCharsets.UTF_8);
        String etag = etag(body);
        if (matches(ifNoneMatch, etag)) {
            return HttpResponse.notModified().header("ETag", etag);
        }
        return HttpResponse.ok(body)
                .contentType(CALENDAR)
                .header("ETag", etag)
                .header("Content-Disposition", "inline; filename=\"ascent.ics\"");
    }

    /** A strong validator: 128 bits of the SHA-256 of the body. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** RFC 9110 If-None-Match: {@code *}, or a list of tags compared weakly (W/ ignored). */
    static boolean matches(String header, String etag) {
        if (header == null || header.isBlank()) {
            return false;
        }
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static MutableHttpResponse<?> notFound() {
        return HttpResponse.notFound().contentType(MediaType.TEXT_PLAIN_TYPE).body("No such calendar feed.\n");
    }
}
