package dev.ascent.web;

import dev.ascent.client.AscentClient;
import dev.ascent.web.session.Sessions;
import dev.ascent.web.session.WebSession;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * What every controller needs: the signed-in session, a client acting with its token, the CSRF check every POST
 * makes first, and pages with the model every layout reads ({@code me}, {@code csrf}, {@code flashes}).
 */
@Singleton
public final class Web {

    private final Sessions sessions;
    private final AscentClient platform;
    private final Labels labels = new Labels();

    public Web(Sessions sessions, AscentClient platform) {
        this.sessions = sessions;
        this.platform = platform;
    }

    /** The signed-in session; a visitor is sent to the sign-in page. */
    public WebSession user(HttpRequest<?> request) {
        return sessions.find(request)
                .filter(WebSession::signedIn)
                .orElseThrow(() -> new SignInRequired(request.getPath()));
    }

    /** The signed-in session after checking the form's CSRF token (403 when it is missing or wrong). */
    public WebSession user(HttpRequest<?> request, Form form) {
        WebSession s = sessions.find(request).orElse(null);
        if (!Sessions.csrfMatches(s, csrfOf(request, form))) {
            throw new CsrfRejected();
        }
        if (!s.signedIn()) {
            throw new SignInRequired("/");
        }
        return s;
    }

    /** The formatting helpers every template reads as {@code labels}. */
    public Labels labels() {
        return labels;
    }

    public AscentClient client(WebSession session) {
        return session == null ? platform : platform.withToken(session.token());
    }

    /** The catalog needs no token. */
    public AscentClient anonymous() {
        return platform;
    }

    public ModelAndView<Map<String, Object>> page(HttpRequest<?> request, String view, Object... keyValues) {
        Map<String, Object> model = new HashMap<>();
        WebSession s = sessions.find(request).orElse(null);
        model.put("me", s != null && s.signedIn() ? s.user() : null);
        model.put("csrf", s == null ? "" : s.csrfToken());
        model.put("flashes", s == null ? java.util.List.of() : s.takeFlashes());
        model.put("labels", labels);
        model.put("path", request.getPath());
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            model.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new ModelAndView<>(view, model);
    }

    /** Post/redirect/get: after a form, the browser loads {@code location} with a GET. */
    public static MutableHttpResponse<?> seeOther(String location) {
        return HttpResponse.seeOther(URI.create(location));
    }

    /** True for requests htmx made, which get a fragment instead of a whole page. */
    public static boolean htmx(HttpRequest<?> request) {
        return "true".equals(request.getHeaders().get("HX-Request"));
    }

    private static String csrfOf(HttpRequest<?> request, Form form) {
        String header = request.getHeaders().get("X-CSRF-Token");
        return header != null ? header : form.get(Form.CSRF_FIELD);
    }

    /** The visitor must sign in first; they come back to {@code next} afterwards. */
    public static final class SignInRequired extends RuntimeException {
        private final String next;

        SignInRequired(String next) {
            super("sign in first", null, false, false);
            this.next = next;
        }

        public String next() {
            return next;
        }
    }

    /** A POST without the session's CSRF token. */
    public static final class CsrfRejected extends RuntimeException {
        CsrfRejected() {
            super("the form's security token is missing or out of date", null, false, false);
        }
    }
}
