package dev.ascent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.CreateCardRequest;
import dev.ascent.proto.tracker.v1.GetRecallStatsRequest;
import dev.ascent.proto.tracker.v1.ListDueCardsRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The recall page in a real browser: the front, the answer revealed on request, a rating, the next card. */
class RecallBrowserTest {

    static WebHarness web;
    static WebDriver browser;
    static String missing;
    static AscentClient user;

    @BeforeAll
    static void start() throws Exception {
        missing = Browser.missing();
        if (missing != null) {
            return;
        }
        web = WebHarness.shared();
        String[] u = web.newUser("rex", "Rex Recall");
        user = web.as(u[1]);
        browser = Browser.start(1280, 900);
        browser.get(web.baseUrl() + "/sign-in");
        browser.findElement(By.id("token")).sendKeys(u[1]);
        browser.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
        BrowserStoryTest.await(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Hello"));
    }

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(missing == null, () -> "skipped: " + missing);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void revealTheBackAndRateEachDueCard() throws Exception {
        user.recall()
                .createCard(CreateCardRequest.newBuilder()
                        .setFront("What does <b>p99</b> mean?")
                        .setBack("The latency 99% of requests stay under")
                        .build());
        user.recall()
                .createCard(CreateCardRequest.newBuilder()
                        .setFront("Little's law")
                        .setBack("L = λW")
                        .build());

        browser.get(web.baseUrl() + "/");
        browser.findElement(By.linkText("Recall")).click();
        BrowserStoryTest.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("recall-front")));
        assertTrue(
                browser.findElement(By.id("recall-counts")).getText().startsWith("2 cards due now"),
                browser.findElement(By.id("recall-counts")).getText());
        assertEquals(
                "What does <b>p99</b> mean?",
                browser.findElement(By.id("recall-front")).getText(),
                "the front is text, never markup");
        assertFalse(browser.findElement(By.id("recall-back")).isDisplayed(), "the answer waits to be revealed");
        assertFalse(browser.findElement(By.id("rate-3")).isDisplayed());
        browser.findElement(By.id("recall-show")).click();
        BrowserStoryTest.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("recall-back")));
        assertEquals(
                "The latency 99% of requests stay under",
                browser.findElement(By.id("recall-back")).getText());
        Browser.screenshot(browser, "recall");
        browser.findElement(By.id("rate-3")).click();
        BrowserStoryTest.await(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("flashes"), "Good: due again in 10 minutes"));

        // The next card, rated Easy from the keyboard-free button row.
        BrowserStoryTest.await(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("recall-front"), "Little's law"));
        browser.findElement(By.id("recall-show")).click();
        BrowserStoryTest.await(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("rate-4")));
        browser.findElement(By.id("rate-4")).click();
        BrowserStoryTest.await(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("recall-done")));
        assertTrue(browser.findElement(By.id("flashes")).getText().contains("Easy: due again in"));

        assertEquals(
                0,
                user.recall()
                        .listDueCards(ListDueCardsRequest.getDefaultInstance())
                        .getDueCount());
        var perDay = user.recall()
                .getRecallStats(GetRecallStatsRequest.getDefaultInstance())
                .getStats()
                .getReviewsPerDayList();
        assertEquals(2, perDay.get(perDay.size() - 1).getCount(), "both ratings reached the tracker once each");
    }
}
