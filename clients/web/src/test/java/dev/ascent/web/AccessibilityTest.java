package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Labels on every form control, a language and a skip link on every page, and text colours with enough contrast. */
class AccessibilityTest {

    static WebHarness web;

    @BeforeAll
    static void start() throws Exception {
        web = WebHarness.shared();
    }

    @Test
    void everyFormControlHasALabelAndEveryPageALanguageAndASkipLink() throws Exception {
        WebUser erin = web.signedIn("a11y-erin", "Accessible Erin");
        String plan = EngineerPagesTest.createPlan(erin);
        String session = erin.post(
                        "/practice",
                        Map.of(
                                "source",
                                Jsoup.parse(erin.page("/practice").body())
                                        .select("#source option")
                                        .first()
                                        .val()))
                .location();
        for (String path : List.of(
                "/",
                plan,
                "/plans/new?role=senior-machine-learning-engineer",
                "/practice",
                session,
                "/practice/stats",
                "/recall",
                "/roles",
                "/roles/senior-machine-learning-engineer",
                "/compare",
                "/search?q=python",
                "/designPrompts",
                "/mentees",
                "/reviewRequests",
                "/mentorships")) {
            Document page = Jsoup.parse(erin.page(path).body());
            assertEquals("en", page.select("html").attr("lang"), path);
            assertEquals("#main", page.select("a.skip").attr("href"), path);
            assertFalse(page.select("main#main h1").isEmpty(), path + " has a heading");
            for (Element control : page.select("input:not([type=hidden]), select, textarea")) {
                boolean labelled = control.hasAttr("aria-label")
                        || (!control.id().isEmpty()
                                && !page.select("label[for=" + control.id() + "]")
                                        .isEmpty())
                        || control.parents().stream().anyMatch(p -> p.tagName().equals("label"));
                assertTrue(labelled, path + ": unlabelled " + control.outerHtml());
            }
        }
    }

    @Test
    void textColoursMeetWcagAaOnTheirBackgrounds() throws IOException {
        Map<String, String> colours = new HashMap<>();
        try (InputStream css = getClass().getResourceAsStream("/static/app.css")) {
            Matcher m = Pattern.compile("--([a-z]+): (#[0-9a-f]{6})")
                    .matcher(new String(css.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                colours.put(m.group(1), m.group(2));
            }
        }
        for (String text : List.of("fg", "muted", "accent", "ok", "warn", "bad")) {
            for (String background : List.of("#ffffff", colours.get("panel"), "#e9f5ec", "#fbeaea")) {
                double ratio = contrast(colours.get(text), background);
                assertTrue(ratio >= 4.5, text + " on " + background + " is " + ratio + ":1");
            }
        }
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
