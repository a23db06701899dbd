package dev.ascent.web.session;

import dev.ascent.proto.tracker.v1.User;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session store, in memory: a restart signs everyone out (they paste their token again), which is the price of
 * keeping tokens off disk and out of the browser. Ids and CSRF tokens carry 256 random bits. Sessions end after
 * {@code ascent.web.session-idle} without a request (default 12 h); a visitor's pre-sign-in session after 30 min.
 */
@Singleton
public final class Sessions {

    public static final String COOKIE = "ascent_session";
    static final String ATTRIBUTE = "ascent.session";
    private static final Duration VISITOR_IDLE = Duration.ofMinutes(30);
    private static final int SWEEP_EVERY = 256;
    /** Above this many sessions, visitors' (pre-sign-in) sessions are dropped first, so a flood cannot fill memory. */
    static final int MAX_SESSIONS = 50_000;

    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final Duration idle;
    private final boolean alwaysSecure;
    private int created;

    public Sessions(
            @Value("${ascent.web.session-idle:12h}") Duration idle,
            @Value("${ascent.web.secure-cookie:false}") boolean alwaysSecure) {
        this.idle = idle;
        this.alwaysSecure = alwaysSecure;
    }

    /** The session the request's cookie names, if it exists and has not expired. */
    public Optional<WebSession> find(HttpRequest<?> request) {
        Optional<WebSession> attached = request.getAttribute(ATTRIBUTE, WebSession.class);
        if (attached.isPresent()) {
            return attached;
        }
        Optional<WebSession> found = request.getCookies()
                .findCookie(COOKIE)
                .map(Cookie::getValue)
                .map(sessions::get)
                .filter(this::alive);
        found.ifPresent(s -> {
            s.touch(clock.instant());
            request.setAttribute(ATTRIBUTE, s);
        });
        return found;
    }

    /** The request's session, or a new visitor session (for the sign-in form's CSRF token). */
    public WebSession findOrStartVisitor(HttpRequest<?> request, MutableHttpResponse<?> response) {
        return find(request).orElseGet(() -> {
            WebSession s = start(null, null);
            request.setAttribute(ATTRIBUTE, s);
            response.cookie(cookie(request, s.id()));
            return s;
        });
    }

    /** Signs in: a new session id (never the visitor's, so a planted id is worthless), the old one ended. */
    public WebSession signIn(HttpRequest<?> request, MutableHttpResponse<?> response, String token, User user) {
        find(request).ifPresent(s -> sessions.remove(s.id()));
        WebSession s = start(token, user);
        request.setAttribute(ATTRIBUTE, s);
        response.cookie(cookie(request, s.id()));
        return s;
    }

    public void signOut(HttpRequest<?> request, MutableHttpResponse<?> response) {
        find(request).ifPresent(s -> sessions.remove(s.id()));
        request.removeAttribute(ATTRIBUTE, WebSession.class);
        response.cookie(cookie(request, "").maxAge(0));
    }

    /** Ends this session (its token was revoked or rejected). */
    public void forget(WebSession session) {
        sessions.remove(session.id());
    }

    /** True when {@code presented} is the session's CSRF token (compared in constant time). */
    public static boolean csrfMatches(WebSession session, String presented) {
        return session != null
                && presented != null
                && MessageDigest.isEqual(
                        session.csrfToken().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private WebSession start(String token, User user) {
        sweepNowAndThen();
        WebSession s = new WebSession(randomToken(), randomToken(), token, user, clock.instant());
        sessions.put(s.id(), s);
        return s;
    }

    private Cookie cookie(HttpRequest<?> request, String value) {
        return Cookie.of(COOKIE, value)
                .path("/")
                .httpOnly(true)
                .sameSite(SameSite.Strict)
                .secure(alwaysSecure || request.isSecure());
    }

    private boolean alive(WebSession s) {
        Duration limit = s.signedIn() ? idle : VISITOR_IDLE;
        return s.lastSeen().plus(limit).isAfter(clock.instant());
    }

    private synchronized void sweepNowAndThen() {
        if (++created % SWEEP_EVERY == 0 || sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> !alive(s));
        }
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> !s.signedIn());
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
