package dev.ascent.web;

import dev.ascent.client.AscentClient;
import dev.ascent.client.PackagedPlatform;
import dev.ascent.common.testing.TestDatabase;
import dev.ascent.proto.tracker.v1.CreateUserRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged content and tracker services (processes on free ports, H2) and the web app in this JVM on a free
 * port, pointed at them. One per JVM: tests create their own users, so they share it.
 */
public final class WebHarness {

    private static WebHarness shared;

    private final PackagedPlatform platform;
    private final EmbeddedServer server;
    private final AscentClient admin;

    private WebHarness(PackagedPlatform platform, EmbeddedServer server) {
        this.platform = platform;
        this.server = server;
        this.admin = AscentClient.builder().contentTarget(platform.contentTarget())
                .trackerTarget(platform.trackerTarget()).token(PackagedPlatform.ADMIN_TOKEN).build();
    }

    public static synchronized WebHarness shared() throws Exception {
        if (shared == null) {
            PackagedPlatform platform = PackagedPlatform.start(TestDatabase.Engine.H2);
            EmbeddedServer server;
            try {
                server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                        "micronaut.server.port", -1,
                        "ascent.web.content-target", platform.contentTarget(),
                        "ascent.web.tracker-target", platform.trackerTarget()), "test");
            } catch (RuntimeException e) {
                platform.close();
                throw e;
            }
            shared = new WebHarness(platform, server);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    /** Admin access to the platform, for setting up what a test needs. */
    public AscentClient admin() {
        return admin;
    }

    public AscentClient as(String token) {
        return admin.withToken(token);
    }

    /** A new user with a unique handle starting with {@code prefix}; returns {handle, token}. */
    public String[] newUser(String prefix, String displayName) {
        String handle = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        String token = admin.accounts().createUser(CreateUserRequest.newBuilder().setHandle(handle)
                .setDisplayName(displayName).build()).getToken();
        return new String[] {handle, token};
    }

    /** A browser-like HTTP client signed in as a new user. */
    public WebUser signedIn(String prefix, String displayName) throws Exception {
        String[] user = newUser(prefix, displayName);
        WebUser web = new WebUser(baseUrl(), user[0]);
        web.signIn(user[1]);
        return web;
    }

    public WebUser visitor() {
        return new WebUser(baseUrl(), null);
    }

    public String adminToken() {
        return PackagedPlatform.ADMIN_TOKEN;
    }

    private void close() {
        try {
            admin.close();
            server.getApplicationContext().close();
            platform.close();
        } catch (Exception e) {
            System.err.println("closing the web harness: " + e.getMessage());
        }
    }
}
