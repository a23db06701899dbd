package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The administrator's pages: users with their token shown once, guides imported by upload with a dry run. */
class AdminPagesTest {

    static final String GUIDE = """
            Overview
            As a Data Platform Engineer, you keep the warehouse fast, correct and cheap.
            Key Responsibilities
            - Own the ingestion pipelines
            - Define data contracts with producers
            Recommended Next Steps
            1. Add freshness checks to every table.
            2. Write a runbook for late data.
            """;

    static WebHarness web;
    static WebUser admin;

    @BeforeAll
    static void start() throws Exception {
        web = WebHarness.shared();
        admin = web.visitor();
        admin.signIn(web.adminToken());
    }

    @Test
    void theAdminCreatesAUserAndSeesTheTokenOnce() throws Exception {
        admin.page("/admin");
        String handle = "adm-" + System.nanoTime() % 1_000_000;
        WebUser.Page created = admin.post("/admin/users", Map.of("handle", handle, "display_name", "New Person"));
        assertEquals(200, created.status(), created::body);
        assertEquals("no-store", created.header("Cache-Control"));
        String token = Jsoup.parse(created.body()).select("#new-token").text();
        assertTrue(token.length() > 20, token);

        WebUser newcomer = web.visitor();
        newcomer.signIn(token);
        assertTrue(newcomer.page("/").body().contains("Hello, New Person"));
        assertFalse(admin.page("/admin").body().contains(token), "the token is not shown again");

        WebUser.Page bad = admin.post("/admin/users", Map.of("handle", "X", "display_name", "Bad"));
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("handle"), bad.body());
    }

    @Test
    void onlyTheAdminSeesTheAdminPages() throws Exception {
        WebUser erin = web.signedIn("adm-erin", "Not Admin");
        assertEquals(403, erin.get("/admin").status());
        assertFalse(Jsoup.parse(erin.page("/").body()).select("a[href=/admin]").hasText());
        assertEquals(
                403,
                erin.post("/admin/users", Map.of("handle", "sneaky", "display_name", "S"))
                        .status());
        assertTrue(Jsoup.parse(admin.page("/").body()).select("a[href=/admin]").hasText());
    }

    @Test
    void aGuideUploadPreviewsItsOutlineThenImports() throws Exception {
        admin.page("/admin");
        byte[] guide = GUIDE.getBytes(StandardCharsets.UTF_8);
        WebUser.Page preview = admin.postMultipart(
                "/admin/import",
                Map.of("_csrf", admin.csrf(), "title", "Data Platform Engineer", "dry_run", "on"),
                "file",
                "data-platform.txt",
                guide);
        assertEquals(200, preview.status(), preview::body);
        Document page = Jsoup.parse(preview.body());
        assertEquals("Preview of data-platform.txt", page.select("#outline-h").text());
        assertTrue(
                page.select("section.card ol > li").size() >= 3,
                page.select("section.card").text());
        assertTrue(page.text().contains("Own the ingestion pipelines")
                || page.text().contains("items"));
        assertEquals(404, web.visitor().get("/roles/data-platform-engineer").status(), "a dry run stores nothing");

        WebUser.Page imported = admin.postMultipart(
                "/admin/import",
                Map.of("_csrf", admin.csrf(), "title", "Data Platform Engineer"),
                "file",
                "data-platform.txt",
                guide);
        assertEquals(
                "Imported data-platform.txt",
                Jsoup.parse(imported.body()).select("#outline-h").text());
        assertTrue(web.visitor().page("/roles/data-platform-engineer").body().contains("Add freshness checks"));

        WebUser.Page empty =
                admin.postMultipart("/admin/import", Map.of("_csrf", admin.csrf()), "file", "empty.txt", new byte[0]);
        assertEquals(400, empty.status(), empty::body);
    }
}
