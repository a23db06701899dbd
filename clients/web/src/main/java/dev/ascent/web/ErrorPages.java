package dev.ascent.web;

import dev.ascent.client.AbortedException;
import dev.ascent.client.AlreadyExistsException;
import dev.ascent.client.AscentException;
import dev.ascent.client.FailedPreconditionException;
import dev.ascent.client.InvalidArgumentException;
import dev.ascent.client.NotFoundException;
import dev.ascent.client.PermissionDeniedException;
import dev.ascent.client.ResourceExhaustedException;
import dev.ascent.client.UnauthenticatedException;
import dev.ascent.client.UnavailableException;
import dev.ascent.web.session.Sessions;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures as people see them. A page that cannot be read shows an error page with the right status. A form that
 * failed goes back where it came from with the reason on top (bad fields named), so nothing typed elsewhere on the
 * page is lost to a bare error screen. A token the tracker no longer accepts ends the session.
 */
@Controller
public final class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final Web web;
    private final Sessions sessions;

    public ErrorPages(Web web, Sessions sessions) {
        this.web = web;
        this.sessions = sessions;
    }

    @Error(global = true)
    public MutableHttpResponse<?> signIn(HttpRequest<?> request, Web.SignInRequired e) {
        String next = e.next() == null || !e.next().startsWith("/") || e.next().startsWith("//") ? "/" : e.next();
        String to = "/sign-in" + (next.equals("/") ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        return redirect(request, to);
    }

    @Error(global = true)
    public MutableHttpResponse<?> csrf(HttpRequest<?> request, Web.CsrfRejected e) {
        return HttpResponse.status(HttpStatus.FORBIDDEN)
                .body(web.page(
                        request,
                        "error",
                        "status",
                        403,
                        "title",
                        "Form expired",
                        "message",
                        e.getMessage() + ". Go back, reload the page and try again."));
    }

    @Error(global = true)
    public MutableHttpResponse<?> notAdmin(HttpRequest<?> request, dev.ascent.web.admin.AdminController.NotAdmin e) {
        return HttpResponse.status(HttpStatus.FORBIDDEN)
                .body(web.page(
                        request,
                        "error",
                        "status",
                        403,
                        "title",
                        "Administrators only",
                        "message",
                        "Only the administrator may use these pages."));
    }

    @Error(global = true)
    public MutableHttpResponse<?> badForm(HttpRequest<?> request, Form.BadForm e) {
        return back(request, e.getMessage(), HttpStatus.BAD_REQUEST);
    }

    @Error(global = true)
    public MutableHttpResponse<?> unsatisfied(
            HttpRequest<?> request, io.micronaut.web.router.exceptions.UnsatisfiedRouteException e) {
        return HttpResponse.badRequest(web.page(
                request,
                "error",
                "status",
                400,
                "title",
                "Bad request",
                "message",
                "The request is missing " + e.getArgument().getName() + "."));
    }

    @Error(global = true)
    public MutableHttpResponse<?> ascent(HttpRequest<?> request, AscentException e) {
        if (e instanceof UnauthenticatedException) {
            sessions.find(request).ifPresent(s -> {
                if (s.signedIn()) {
                    sessions.forget(s);
                }
            });
            MutableHttpResponse<?> r = redirect(request, "/sign-in?expired=1");
            return r;
        }
        HttpStatus status = statusOf(e);
        String message = messageOf(e);
        if (request.getMethod() == HttpMethod.POST) {
            return back(request, message, status);
        }
        return HttpResponse.status(status)
                .body(web.page(
                        request, "error", "status", status.getCode(), "title", status.getReason(), "message", message));
    }

    @Error(global = true)
    public MutableHttpResponse<?> badName(HttpRequest<?> request, Names.BadName e) {
        return notFound(request);
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    public MutableHttpResponse<?> notFound(HttpRequest<?> request) {
        return HttpResponse.notFound(web.page(
                request,
                "error",
                "status",
                404,
                "title",
                "Not found",
                "message",
                "There is no page at this address, or it is not yours to see."));
    }

    @Error(global = true)
    public MutableHttpResponse<?> bug(HttpRequest<?> request, RuntimeException e) {
        LOG.error("{} {} failed", request.getMethod(), request.getPath(), e);
        return HttpResponse.serverError(web.page(
                request,
                "error",
                "status",
                500,
                "title",
                "Something broke",
                "message",
                "The page failed; the details are in the web app's log."));
    }

    private MutableHttpResponse<?> back(HttpRequest<?> request, String message, HttpStatus status) {
        var session = sessions.find(request).orElse(null);
        String referer = request.getHeaders().get("Referer");
        String back = sameOriginPath(request, referer);
        if (session == null || back == null) {
            return HttpResponse.status(status)
                    .body(web.page(
                            request,
                            "error",
                            "status",
                            status.getCode(),
                            "title",
                            status.getReason(),
                            "message",
                            message));
        }
        session.flash(message, true);
        return redirect(request, back);
    }

    /** A full-page redirect; for htmx requests the HX-Redirect header does the same. */
    private static MutableHttpResponse<?> redirect(HttpRequest<?> request, String to) {
        if (Web.htmx(request)) {
            return HttpResponse.ok().header("HX-Redirect", to);
        }
        return Web.seeOther(to);
    }

    /** The path of a Referer on this host, or null (never redirect elsewhere). */
    static String sameOriginPath(HttpRequest<?> request, String referer) {
        if (referer == null) {
            return null;
        }
        try {
            java.net.URI uri = java.net.URI.create(referer);
            String host = request.getHeaders().get("Host");
            if (uri.getHost() == null || host == null || !(uri.getAuthority().equalsIgnoreCase(host))) {
                return null;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static HttpStatus statusOf(AscentException e) {
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof InvalidArgumentException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (e instanceof PermissionDeniedException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof AlreadyExistsException
                || e instanceof AbortedException
                || e instanceof FailedPreconditionException
                || e instanceof ResourceExhaustedException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof UnavailableException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.BAD_GATEWAY;
    }

    static String messageOf(AscentException e) {
        if (e instanceof InvalidArgumentException bad && !bad.fieldViolations().isEmpty()) {
            return bad.fieldViolations().stream()
                    .map(v -> v.getField().replace('_', ' ') + ": " + v.getDescription())
                    .collect(Collectors.joining("; "));
        }
        if (e instanceof AbortedException) {
            return "Someone changed this meanwhile; the page now shows the latest version. Try again.";
        }
        if (e instanceof UnavailableException) {
            return "The service is unavailable right now; try again in a moment.";
        }
        if (e instanceof FailedPreconditionException
                && e.reason().orElse("").equals(dev.ascent.web.plan.ItemStatusForm.ITEM_VERIFIED)) {
            return dev.ascent.web.plan.ItemStatusForm.KEPT_VERIFIED;
        }
        return e.description() == null ? e.getMessage() : e.description();
    }
}
