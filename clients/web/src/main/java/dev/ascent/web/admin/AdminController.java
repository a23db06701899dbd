package dev.ascent.web.admin;

import com.google.protobuf.ByteString;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.content.v1.ImportGuideResponse;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import dev.ascent.proto.tracker.v1.CreateUserResponse;
import dev.ascent.web.Form;
import dev.ascent.web.Web;
import dev.ascent.web.session.WebSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The administrator's pages: create users (the new token is shown once, on the response to the form, and never
 * stored by the app) and import career guides by upload, with a dry run that previews the parsed outline.
 */
@Controller("/admin")
public final class AdminController {

    private final Web web;

    public AdminController(Web web) {
        this.web = web;
    }

    @Get
    public MutableHttpResponse<?> admin(HttpRequest<?> request) {
        WebSession s = admin(web.user(request));
        return HttpResponse.ok(web.page(
                request,
                "admin",
                "created",
                null,
                "token",
                null,
                "imported",
                null,
                "dryRun",
                false,
                "who",
                s.handle()));
    }

    @Post(value = "/users", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> createUser(HttpRequest<?> request, @Nullable @Body Map<String, Object> fields) {
        Form form = Form.of(fields);
        WebSession s = admin(web.user(request, form));
        CreateUserResponse created = web.client(s)
                .accounts()
                .createUser(CreateUserRequest.newBuilder()
                        .setHandle(form.get("handle"))
                        .setDisplayName(form.get("display_name"))
                        .build());
        return HttpResponse.ok(web.page(
                request,
                "admin",
                "created",
                created.getUser(),
                "token",
                created.getToken(),
                "imported",
                null,
                "dryRun",
                false,
                "who",
                s.handle()));
    }

    @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
    public MutableHttpResponse<?> importGuide(
            HttpRequest<?> request,
            @Part("file") CompletedFileUpload file,
            @Nullable @Part("_csrf") String csrf,
            @Nullable @Part("dry_run") String dryRun,
            @Nullable @Part("title") String title)
            throws IOException {
        Map<String, Object> fields = new HashMap<>();
        if (csrf != null) {
            fields.put(Form.CSRF_FIELD, csrf);
        }
        WebSession s = admin(web.user(request, Form.of(fields)));
        boolean dry = dryRun != null && !dryRun.isBlank();
        ImportGuideResponse imported = web.client(s)
                .content()
                .importGuide(ImportGuideRequest.newBuilder()
                        .setText(ByteString.copyFrom(file.getBytes()))
                        .setSourceName(file.getFilename())
                        .setTitle(title == null ? "" : title.strip())
                        .setDryRun(dry)
                        .build());
        return HttpResponse.ok(web.page(
                request,
                "admin",
                "created",
                null,
                "token",
                null,
                "imported",
                imported,
                "dryRun",
                dry,
                "who",
                s.handle(),
                "fileName",
                file.getFilename()));
    }

    private static WebSession admin(WebSession s) {
        if (!s.user().getAdmin()) {
            throw new NotAdmin();
        }
        return s;
    }

    /** The admin pages are for the administrator only. */
    public static final class NotAdmin extends RuntimeException {
        NotAdmin() {
            super("only the administrator may do this", null, false, false);
        }
    }
}
