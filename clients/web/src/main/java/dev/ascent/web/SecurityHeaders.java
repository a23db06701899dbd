package dev.ascent.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers on every response. The CSP allows scripts, styles, images and connections from this origin only: no inline
 * script or style anywhere, so injected markup cannot run even if escaping ever failed. Pages are never cached (they
 * show private data) and never framed.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class SecurityHeaders {

    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", CSP);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "same-origin");
        response.header("X-Frame-Options", "DENY");
        response.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        String path = request.getPath();
        if (path.startsWith("/calendar/")) {
            // Calendar apps keep the feed and ask again with If-None-Match; shared caches must not keep it.
            response.header("Cache-Control", "private, no-cache");
        } else if (!path.startsWith("/webjars/") && !path.startsWith("/static/")) {
            response.header("Cache-Control", "no-store");
        } else {
            response.header("Cache-Control", "public, max-age=86400");
        }
    }
}
