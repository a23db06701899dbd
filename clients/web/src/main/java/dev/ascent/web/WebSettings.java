package dev.ascent.web;

import java.util.HashMap;
import java.util.Map;

/**
 * The web app's settings from the environment, as Micronaut properties.
 *
 * @param port             {@code ASCENT_WEB_PORT}, default 8080
 * @param bind             {@code ASCENT_BIND}, default {@code 127.0.0.1} (this machine only), as the services
 * @param contentTarget    {@code ASCENT_CONTENT_TARGET}, else localhost on {@code ASCENT_CONTENT_PORT}
 * @param trackerTarget    {@code ASCENT_TRACKER_TARGET}, else localhost on {@code ASCENT_TRACKER_PORT}
 * @param secureCookie     {@code ASCENT_WEB_SECURE_COOKIE=true} marks the session cookie Secure even when TLS ends
 *                         at a proxy in front; behind no proxy it is Secure whenever the request came over TLS
 * @param caFile           the PEM certificates trusted when calling the services over TLS, as the services call
 *                         each other: {@code ASCENT_TLS_CA_FILE}, else {@code ASCENT_TLS_CERT_FILE}; "" for plain text
 */
public record WebSettings(
        int port, String bind, String contentTarget, String trackerTarget, boolean secureCookie, String caFile) {

    public static WebSettings fromEnvironment(Map<String, String> env) {
        int port = port(env, "ASCENT_WEB_PORT", 8080);
        String content =
                env.getOrDefault("ASCENT_CONTENT_TARGET", "localhost:" + port(env, "ASCENT_CONTENT_PORT", 50051));
        String tracker =
                env.getOrDefault("ASCENT_TRACKER_TARGET", "localhost:" + port(env, "ASCENT_TRACKER_PORT", 50052));
        String bind = env.getOrDefault("ASCENT_BIND", "").strip();
        String ca = env.getOrDefault("ASCENT_TLS_CA_FILE", "").strip();
        return new WebSettings(
                port,
                bind.isEmpty() ? "127.0.0.1" : bind,
                content,
                tracker,
                Boolean.parseBoolean(env.getOrDefault("ASCENT_WEB_SECURE_COOKIE", "false")),
                ca.isEmpty() ? env.getOrDefault("ASCENT_TLS_CERT_FILE", "").strip() : ca);
    }

    public Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", port);
        p.put("micronaut.server.host", bind);
        p.put("ascent.web.content-target", contentTarget);
        p.put("ascent.web.tracker-target", trackerTarget);
        p.put("ascent.web.secure-cookie", secureCookie);
        p.put("ascent.web.ca-file", caFile);
        return p;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (0-65535), not '" + value + "'");
        }
    }
}
