package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.ascent.proto.content.v1.ImportGuideRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.PlanItem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole story in a real browser against the packaged services: an engineer builds a plan, logs time and runs a
 * practice session; a mentor watches the live feed and approves a review; XSS and CSRF attempts fail. Screenshots
 * of each main page go to target/screenshots.
 */
class BrowserStoryTest {

    static WebHarness web;
    static WebDriver erin;
    static WebDriver mo;
    static String erinHandle;
    static String erinToken;
    static String moHandle;

    static String missing;

    @BeforeAll
    static void start() throws Exception {
        missing = Browser.missing();
        if (missing != null) {
            return;
        }
        erin = Browser.start(1280, 1000);
        mo = Browser.start(1280, 1000);
        web = WebHarness.shared();
        String[] e = web.newUser("erin", "Erin Engineer");
        String[] m = web.newUser("mo", "Mo Mentor");
        erinHandle = e[0];
        erinToken = e[1];
        moHandle = m[0];
        signIn(erin, e[1]);
        signIn(mo, m[1]);
    }

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(missing == null, () -> "skipped: " + missing);
    }

    @AfterAll
    static void stop() {
        if (erin != null) {
            erin.quit();
        }
        if (mo != null) {
            mo.quit();
        }
    }

    static void signIn(WebDriver browser, String token) {
        browser.get(web.baseUrl() + "/");
        assertTrue(browser.getCurrentUrl().endsWith("/sign-in"), browser.getCurrentUrl());
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
        await(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Hello"));
    }

    static WebDriverWait await(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    static Object js(WebDriver browser, String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    void theWholeStory() throws Exception {
        // The engineer builds a plan from a role, rating a skill on the way.
        erin.get(web.baseUrl() + "/plans/new");
        new Select(erin.findElement(By.id("role"))).selectByValue("senior-machine-learning-engineer");
        erin.findElement(By.cssSelector("form[action='/plans/new'] button")).click();
        WebElement rating =
                await(erin).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("select[name^='rate:']")));
        new Select(rating).selectByValue("1");
        erin.findElement(By.cssSelector("form[action='/plans'] button[type=submit]"))
                .click();
        await(erin).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.item")));
        String planUrl = erin.getCurrentUrl();
        assertTrue(planUrl.contains("/users/" + erinHandle + "/plans/"), planUrl);
        Browser.screenshot(erin, "plan");

        // She logs time on the first item: htmx swaps the item and the progress panel in place, no reload.
        js(erin, "window.__noReload = true;");
        WebElement first = erin.findElement(By.cssSelector("li.item"));
        String firstId = first.getAttribute("id");
        first.findElement(By.cssSelector("input[name=minutes]")).sendKeys("75");
        first.findElement(By.cssSelector("form[action$='/log'] button")).click();
        await(erin)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#" + firstId + " .meta"), "1 h 15 min of"));
        assertEquals(Boolean.TRUE, js(erin, "return window.__noReload === true;"), "updated in place");
        assertEquals(
                "in progress",
                erin.findElement(By.cssSelector("#" + firstId + " .status")).getText());
        assertTrue(erin.findElement(By.id("summary")).getText().contains("1 h 15 min logged"));

        // She invites Mo; Mo accepts.
        erin.get(web.baseUrl() + "/mentorships");
        erin.findElement(By.id("mentor")).sendKeys(moHandle);
        erin.findElement(By.cssSelector("form[action='/mentorships'] button")).click();
        await(erin).until(ExpectedConditions.textToBePresentInElementLocated(By.id("flashes"), "Invitation sent"));
        mo.get(web.baseUrl() + "/mentorships");
        mo.findElement(By.cssSelector("button[value=accept]")).click();
        await(mo).until(ExpectedConditions.textToBePresentInElementLocated(By.id("flashes"), "accepted"));

        // Mo keeps the dashboard open: Erin's next log shows up in his live feed without a reload.
        mo.get(web.baseUrl() + "/");
        js(mo, "window.__noReload = true;");
        await(mo)
                .until(
                        d -> Boolean.TRUE.equals(
                                js(
                                        d,
                                        "var s = document.querySelector('[sse-connect]'); return !!(s && s['htmx-internal-data'] "
                                                + "&& s['htmx-internal-data'].sseEventSource && s['htmx-internal-data'].sseEventSource.readyState === 1);")));
        erin.get(planUrl);
        WebElement again = erin.findElement(By.id(firstId));
        again.findElement(By.cssSelector("input[name=minutes]")).sendKeys("20");
        again.findElement(By.cssSelector("input[name=note]")).sendKeys("feed check");
        again.findElement(By.cssSelector("form[action$='/log'] button")).click();
        await(mo).until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed"), "Logged 20 min"));
        assertEquals(Boolean.TRUE, js(mo, "return window.__noReload === true;"), "the feed updated in place");
        Browser.screenshot(mo, "dashboard-live-feed");

        // Erin asks for a review of that item; Mo approves it from the queue.
        erin.get(planUrl);
        WebElement item = erin.findElement(By.id(firstId));
        item.findElement(By.xpath(".//summary[text()='Ask for a review']")).click();
        item.findElement(By.cssSelector("textarea[name=note]")).sendKeys("API is live, dashboards attached");
        item.findElement(By.cssSelector("form[action$='/review'] button")).click();
        await(erin)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#" + firstId + " .meta"), "awaiting review"));
        mo.get(web.baseUrl() + "/mentees");
        assertEquals(
                "1",
                mo.findElement(By.cssSelector("td[data-label='Awaiting review']"))
                        .getText());
        Browser.screenshot(mo, "mentees");
        mo.get(web.baseUrl() + "/reviewRequests");
        Browser.screenshot(mo, "review-queue");
        mo.findElement(By.cssSelector("article.card textarea[name=comment]")).sendKeys("Solid work");
        mo.findElement(By.cssSelector("article.card button[value=approve]")).click();
        await(mo).until(ExpectedConditions.textToBePresentInElementLocated(By.id("flashes"), "Approved"));
        erin.get(planUrl);
        assertTrue(erin.findElement(By.cssSelector("#" + firstId + " .meta"))
                .getText()
                .contains("verified by " + moHandle));

        // A practice session: the countdown ticks, two steps checked, completed with a rating.
        erin.get(web.baseUrl() + "/practice");
        erin.findElement(By.cssSelector("form[action='/practice'] button")).click();
        WebElement countdown = await(erin)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".countdown[data-deadline]")));
        await(erin).until(d -> countdown.getText().endsWith(" left"));
        String before = countdown.getText();
        await(erin).until(d -> !countdown.getText().equals(before));
        List<WebElement> boxes = erin.findElements(By.cssSelector("input[type=checkbox][name^='step:']"));
        boxes.get(0).click();
        boxes.get(1).click();
        Browser.screenshot(erin, "practice-session");
        new Select(erin.findElement(By.id("rating"))).selectByValue("4");
        erin.findElement(By.xpath("//button[text()='Complete the session']")).click();
        await(erin).until(ExpectedConditions.textToBePresentInElementLocated(By.id("flashes"), "Session completed"));
        assertTrue(erin.findElement(By.tagName("main")).getText().contains("2 of " + boxes.size() + " steps covered"));
        erin.get(web.baseUrl() + "/practice/stats");
        assertEquals(
                1,
                erin.findElements(By.cssSelector("figure.chart circle")).size() / 2,
                "one point on each of the two charts");
        Browser.screenshot(erin, "practice-stats");
        erin.get(web.baseUrl() + "/");
        Browser.screenshot(erin, "dashboard");
        erin.get(planUrl);
        Browser.screenshot(erin, "plan-progress");
    }

    /**
     * Moving an item a mentor verified out of done asks first: unticked, the page says nothing changed; with
     * "Withdraw the approval" ticked, the item moves in place and the dashboard's activity shows the reopen.
     */
    @Test
    void reopeningAVerifiedItemAsksFirst() throws Exception {
        String[] rex = web.newUser("rex", "Rex Reviewer");
        PlanItem verified = web.verifiedItem(erinToken, rex);
        String plan = verified.getName().substring(0, verified.getName().indexOf("/items/"));
        String id = "item-" + verified.getName().substring(verified.getName().lastIndexOf('/') + 1);
        erin.get(web.baseUrl() + "/" + plan);
        js(erin, "window.__noReload = true;");
        assertTrue(erin.findElement(By.id(id)).getText().contains("another status withdraws the approval"));

        setStatus(id, "in-progress", false);
        await(erin)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#flashes .flash.error"), "Nothing changed"));
        assertEquals(
                "done", erin.findElement(By.cssSelector("#" + id + " .status")).getText());
        assertTrue(
                erin.findElement(By.cssSelector("#" + id + " .meta")).getText().contains("verified by " + rex[0]));

        setStatus(id, "in-progress", true);
        await(erin)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#" + id + " .status"), "in progress"));
        assertFalse(
                erin.findElement(By.cssSelector("#" + id + " .meta")).getText().contains("verified by"));
        assertEquals("Status changed.", erin.findElement(By.id("flashes")).getText());
        assertEquals(Boolean.TRUE, js(erin, "return window.__noReload === true;"), "updated in place");

        erin.get(web.baseUrl() + "/");
        assertTrue(erin.findElement(By.cssSelector("#feed li.event-verified-item-reopened"))
                .getText()
                .contains("Reopened verified \"" + verified.getTitle() + "\""));
    }

    private static void setStatus(String itemId, String status, boolean withdraw) {
        WebElement form = erin.findElement(By.cssSelector("#" + itemId + " form[action$='/status']"));
        new Select(form.findElement(By.name("status"))).selectByValue(status);
        if (withdraw) {
            form.findElement(By.name("withdraw_approval")).click();
        }
        form.findElement(By.tagName("button")).click();
    }

    @Test
    void aHostileGuideRunsNoScriptInTheBrowser() throws Exception {
        var imported = web.admin()
                .content()
                .importGuide(ImportGuideRequest.newBuilder()
                        .setText(ByteString.copyFrom(SecurityTest.HOSTILE_GUIDE, StandardCharsets.UTF_8))
                        .setSourceName("hostile-browser.txt")
                        .setTitle("Browser Hostile Tester")
                        .build());
        erin.get(web.baseUrl() + "/" + imported.getRole().getName());
        assertNotEquals("pwned", erin.getTitle());
        assertThrows(NoAlertPresentException.class, () -> erin.switchTo().alert());
        assertTrue(
                erin.findElement(By.tagName("main")).getText().contains("<script>document.title='pwned'</script>"),
                "the markup shows as text");
        assertTrue(erin.findElements(By.cssSelector("main img, main script")).isEmpty());
        Browser.screenshot(erin, "role-hostile-guide");
        erin.get(web.baseUrl() + "/roles");
        Browser.screenshot(erin, "roles");
        erin.get(web.baseUrl() + "/compare?from=senior-machine-learning-scientist&to=senior-machine-learning-engineer");
        Browser.screenshot(erin, "compare");
    }

    @Test
    void aForgedCrossSiteFormChangesNothing() throws Exception {
        var client = web.as(erinToken);
        var planBefore = client.plans()
                .createPlan(dev.ascent.proto.tracker.v1.CreatePlanRequest.newBuilder()
                        .setTargetRole("roles/senior-machine-learning-engineer")
                        .setHoursPerWeek(3)
                        .build())
                .getPlan();
        String planName = planBefore.getName();
        String item = planBefore.getItems(1).getName();
        long before = planBefore.getItems(1).getLoggedMinutes();

        // Another site's page posts to the app: SameSite=Strict keeps the cookie home, and there is no token.
        String forged = "<form id=f method=post action='" + web.baseUrl() + "/" + item + "/log'>"
                + "<input name=minutes value=600></form>";
        erin.get("data:text/html;charset=utf-8,"
                + java.net.URLEncoder.encode(forged, StandardCharsets.UTF_8).replace("+", "%20"));
        js(erin, "document.getElementById('f').submit();");
        // Chromium may refuse to send it at all (a public page posting to a loopback address); if it does send it,
        // the app answers 403. Either way nothing may change, which is checked below.
        await(erin)
                .until(d -> d.getCurrentUrl().startsWith(web.baseUrl())
                        && (d.getPageSource().contains("Form expired")
                                || d.getPageSource().contains("denied")));

        // On the site itself, a form whose token was stripped is refused too.
        erin.get(web.baseUrl() + "/" + planName);
        WebElement form = erin.findElement(By.cssSelector("li.item:nth-of-type(2) form[action$='/log']"));
        js(
                erin,
                "arguments[0].querySelector('input[name=_csrf]').remove(); arguments[0].removeAttribute('hx-post');"
                        + "arguments[0].querySelector('input[name=minutes]').value = '600'; arguments[0].submit();",
                form);
        await(erin).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Form expired"));

        long after = client.plans()
                .getPlan(GetPlanRequest.newBuilder().setName(planName).build())
                .getPlan()
                .getItems(1)
                .getLoggedMinutes();
        assertEquals(before, after, "no time was logged by either forged request");
        assertFalse(erin.getPageSource().contains(erinToken));
    }

    @Test
    void pagesFitAPhonesWidth() throws Exception {
        WebDriver phone = Browser.start(390, 844);
        try {
            signIn(phone, erinToken);
            for (String path : List.of("/", "/practice", "/roles/senior-machine-learning-engineer", "/mentees")) {
                phone.get(web.baseUrl() + path);
                Object scrollWidth = js(phone, "return document.documentElement.scrollWidth;");
                assertTrue(((Number) scrollWidth).intValue() <= 390, path + " scrolls sideways: " + scrollWidth);
            }
            phone.get(web.baseUrl() + "/");
            Browser.screenshot(phone, "phone-dashboard");
            // Keyboard: the first Tab lands on the skip link, which leads to the main content.
            phone.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
            assertEquals("Skip to content", phone.switchTo().activeElement().getText());
        } finally {
            phone.quit();
        }
    }
}
