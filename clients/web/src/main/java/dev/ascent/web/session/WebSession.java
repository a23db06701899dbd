package dev.ascent.web.session;

import dev.ascent.proto.tracker.v1.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One browser's session, kept only on the server: the bearer token the user pasted, who that is, the CSRF token
 * every form must echo, and messages to show on the next page. The browser holds nothing but the session id.
 */
public final class WebSession {

    private final String id;
    private final String csrfToken;
    private final String token;
    private final User user;
    private volatile Instant lastSeen;
    private final List<Flash> flashes = new ArrayList<>();

    /** A message for the next page; {@code error} ones are shown as alerts. */
    public record Flash(String text, boolean error) {}

    WebSession(String id, String csrfToken, String token, User user, Instant now) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.token = token;
        this.user = user;
        this.lastSeen = now;
    }

    public String id() {
        return id;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** The user's bearer token; null for a visitor who has not signed in. */
    public String token() {
        return token;
    }

    /** Who signed in; null for a visitor. */
    public User user() {
        return user;
    }

    public boolean signedIn() {
        return token != null;
    }

    public String handle() {
        return user == null ? null : user.getHandle();
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void touch(Instant now) {
        lastSeen = now;
    }

    public synchronized void flash(String text, boolean error) {
        flashes.add(new Flash(text, error));
    }

    /** The pending messages, removed from the session. */
    public synchronized List<Flash> takeFlashes() {
        List<Flash> out = List.copyOf(flashes);
        flashes.clear();
        return out;
    }
}
