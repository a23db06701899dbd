package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.proto.tracker.v1.ListAccessTokensRequest;
import dev.ascent.proto.tracker.v1.RevokeAccessTokenRequest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signing in with a pasted token, the session cookie, signing out, and a token revoked while signed in. */
class SignInTest {

    static WebHarness web;

    @BeforeAll
    static void start() throws Exception {
        web = WebHarness.shared();
    }

    @Test
    void aVisitorIsSentToSignInAndComesBackWhereTheyWereGoing() throws Exception {
        WebUser visitor = web.visitor();
        WebUser.Page home = visitor.get("/");
        assertEquals(303, home.status());
        assertEquals("/sign-in", home.location());
        WebUser.Page practice = visitor.get("/practice");
        assertEquals("/sign-in?next=%2Fpractice", practice.location());

        String[] user = web.newUser("nextie", "Next Ie");
        visitor.page("/sign-in?next=/practice");
        WebUser.Page signedIn = visitor.post("/sign-in", Map.of("token", user[1], "next", "/practice"));
        assertEquals(303, signedIn.status());
        assertEquals("/practice", signedIn.location());
    }

    @Test
    void theBrowserGetsOnlyAnHttpOnlyStrictSessionCookieNeverTheToken() throws Exception {
        String[] user = web.newUser("cookie", "Cookie Monster");
        WebUser browser = web.visitor();
        WebUser.Page form = browser.page("/sign-in");
        String visitorCookie = browser.cookie();
        assertNotNull(visitorCookie, "the sign-in form starts a visitor session for its CSRF token");
        String setCookie = form.setCookies().get(0);
        assertTrue(setCookie.contains("HTTPOnly") || setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP: not Secure, or the browser would drop it: " + setCookie);

        WebUser.Page signedIn = browser.post("/sign-in", Map.of("token", user[1], "next", "/"));
        assertEquals(303, signedIn.status());
        String sessionCookie = signedIn.setCookies().get(0);
        assertFalse(sessionCookie.contains(user[1]), "the token never goes to the browser");
        assertNotEquals(visitorCookie, browser.cookie(), "signing in issues a new session id");
        assertTrue(sessionCookie.contains("SameSite=Strict") && sessionCookie.contains("HTTPOnly"), sessionCookie);

        WebUser.Page home = browser.page("/");
        assertTrue(home.body().contains("Hello, Cookie Monster"), home.body());
        assertFalse(home.body().contains(user[1]), "no page shows the token");

        WebUser stale = web.visitor();
        stale.cookie(visitorCookie);
        assertEquals(303, stale.get("/").status(), "the pre-sign-in session id is worthless afterwards");
    }

    @Test
    void aWrongTokenIsRefusedWithAClearMessage() throws Exception {
        WebUser browser = web.visitor();
        browser.page("/sign-in");
        WebUser.Page refused = browser.post("/sign-in", Map.of("token", "asc_not-a-real-token", "next", "/"));
        assertEquals(401, refused.status());
        assertTrue(refused.body().contains("That token is not valid"), refused.body());
        WebUser.Page empty = browser.post("/sign-in", Map.of("token", "  ", "next", "/"));
        assertEquals(401, empty.status());
        assertTrue(empty.body().contains("Paste your access token"), empty.body());
    }

    @Test
    void theSignInFormRefusesAForeignNextAddress() throws Exception {
        String[] user = web.newUser("nexter", "Nexter");
        WebUser browser = web.visitor();
        browser.page("/sign-in");
        WebUser.Page p = browser.post("/sign-in", Map.of("token", user[1], "next", "//evil.example/x"));
        assertEquals("/", p.location());
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() throws Exception {
        WebUser browser = web.signedIn("leaver", "Leaver");
        String cookie = browser.cookie();
        browser.page("/");
        WebUser.Page out = browser.post("/sign-out", Map.of());
        assertEquals(303, out.status());
        assertEquals("/sign-in", out.location());
        assertNull(browser.cookie(), "the cookie is cleared");
        WebUser replay = web.visitor();
        replay.cookie(cookie);
        assertEquals(303, replay.get("/").status(), "the old session id no longer works");
    }

    @Test
    void aTokenRevokedWhileSignedInEndsTheSession() throws Exception {
        String[] user = web.newUser("revoked", "Revoked");
        WebUser browser = web.visitor();
        browser.signIn(user[1]);
        browser.page("/");
        var client = web.as(user[1]);
        var token = client.accounts()
                .listAccessTokens(ListAccessTokensRequest.getDefaultInstance())
                .getAccessTokens(0);
        client.accounts()
                .revokeAccessToken(RevokeAccessTokenRequest.newBuilder()
                        .setName(token.getName())
                        .build());
        WebUser.Page after = browser.get("/");
        assertEquals(303, after.status());
        assertEquals("/sign-in?expired=1", after.location());
        assertEquals(303, browser.get("/practice").status());
        assertTrue(browser.get("/sign-in?expired=1").body().contains("no longer accepted"));
    }
}
