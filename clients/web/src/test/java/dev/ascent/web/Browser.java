package dev.ascent.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless {@code chromium} driven through {@code chromium-driver}. Without them the browser tests are
 * skipped with one line, unless {@code ASCENT_BROWSER_REQUIRED=true} (as in CI), where they fail instead.
 */
final class Browser {

    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static final List<Path> DRIVER = List.of(Path.of("/usr/bin/chromedriver"),
            Path.of("/usr/lib/chromium/chromedriver"));

    private Browser() {
    }

    static WebDriver start(int width, int height) {
        Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
        Path driver = DRIVER.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (chromium == null || driver == null) {
            String why = "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)";
            if (Boolean.parseBoolean(System.getenv().getOrDefault("ASCENT_BROWSER_REQUIRED", "false"))) {
                throw new IllegalStateException("ASCENT_BROWSER_REQUIRED is set but " + why);
            }
            System.out.println("browser tests skipped: " + why);
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        browser.manage().window().setSize(new Dimension(width, height));
        return browser;
    }

    /** Saves a screenshot of the current page as target/screenshots/{name}.png. */
    static Path screenshot(WebDriver browser, String name) throws IOException {
        Path dir = Path.of(System.getProperty("ascent.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
