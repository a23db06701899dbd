package dev.ascent.web.session;

import dev.ascent.client.AscentClient;
import dev.ascent.client.UnauthenticatedException;
import dev.ascent.proto.tracker.v1.GetCurrentUserRequest;
import dev.ascent.proto.tracker.v1.User;
import dev.ascent.web.Form;
import dev.ascent.web.Web;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.util.Map;

/**
 * Sign-in by pasting a token once: the app checks it with {@code GetCurrentUser}, keeps it in the server-side
 * session, and gives the browser only the session cookie. The sign-in form has its own CSRF token (from a visitor
 * session) so another site cannot sign a browser into someone else's account.
 */
@Controller
public final class SignInController {

    private final Web web;
    private final Sessions sessions;
    private final AscentClient platform;

    public SignInController(Web web, Sessions sessions, AscentClient platform) {
        this.web = web;
        this.sessions = sessions;
        this.platform = platform;
    }

    @Get("/sign-in")
    public MutableHttpResponse<?> form(
            HttpRequest<?> request, @Nullable @QueryValue String next, @Nullable @QueryValue String expired) {
        MutableHttpResponse<Object> response = HttpResponse.ok();
        WebSession s = sessions.findOrStartVisitor(request, response);
        if (s.signedIn()) {
            return Web.seeOther("/");
        }
        return response.body(
                web.page(request, "sign-in", "next", safeNext(next), "expired", expired != null, "error", null));
    }

    @Post(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> signIn(HttpRequest<?> request, @Nullable @Body Map<String, Object> fields) {
        Form form = Form.of(fields);
        WebSession visitor = sessions.find(request).orElse(null);
        if (!Sessions.csrfMatches(visitor, form.get(Form.CSRF_FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN)
                    .body(web.page(
                            request,
                            "error",
                            "status",
                            403,
                            "title",
                            "Form expired",
                            "message",
                            "The sign-in form expired. Open the sign-in page again."));
        }
        String token = form.get("token");
        String next = safeNext(form.get("next"));
        if (token.isEmpty()) {
            return rejected(request, next, "Paste your access token.");
        }
        User user;
        try {
            user = platform.withToken(token)
                    .accounts()
                    .getCurrentUser(GetCurrentUserRequest.getDefaultInstance())
                    .getUser();
        } catch (UnauthenticatedException e) {
            return rejected(request, next, "That token is not valid (it may have been revoked).");
        }
        MutableHttpResponse<Object> response = HttpResponse.seeOther(java.net.URI.create(next));
        sessions.signIn(request, response, token, user);
        return response;
    }

    @Post(value = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> signOut(HttpRequest<?> request, @Nullable @Body Map<String, Object> fields) {
        web.user(request, Form.of(fields));
        MutableHttpResponse<Object> response = HttpResponse.seeOther(java.net.URI.create("/sign-in"));
        sessions.signOut(request, response);
        return response;
    }

    private MutableHttpResponse<?> rejected(HttpRequest<?> request, String next, String error) {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .body(web.page(request, "sign-in", "next", next, "expired", false, "error", error));
    }

    /** Only a path on this site, so the sign-in page cannot be used to send people elsewhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
            return "/";
        }
        return next;
    }
}
