package dev.ascent.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless {@code chromium} driven through {@code chromium-driver} (elsewhere: {@code ASCENT_CHROMIUM} and
 * {@code ASCENT_CHROMEDRIVER}). Without them the browser tests are skipped with one line, unless
 * {@code ASCENT_BROWSER_REQUIRED=true} (as in CI), where they fail instead.
 */
final class Browser {

    private static final List<Path> CHROMIUM =
            List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static final List<Path> DRIVER =
            List.of(Path.of("/usr/bin/chromedriver"), Path.of("/usr/lib/chromium/chromedriver"));

    private Browser() {}

    /**
     * Null when chromium and its driver are installed; otherwise why not, printed once. With
     * {@code ASCENT_BROWSER_REQUIRED=true} a missing browser is an error instead.
     */
    static String missing() {
        if (find("ASCENT_CHROMIUM", CHROMIUM) != null && find("ASCENT_CHROMEDRIVER", DRIVER) != null) {
            return null;
        }
        String why = "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)";
        if (Boolean.parseBoolean(System.getenv().getOrDefault("ASCENT_BROWSER_REQUIRED", "false"))) {
            throw new IllegalStateException("ASCENT_BROWSER_REQUIRED is set but " + why);
        }
        System.out.println("browser tests skipped: " + why);
        return why;
    }

    static WebDriver start(int width, int height) {
        Path chromium = find("ASCENT_CHROMIUM", CHROMIUM);
        Path driver = find("ASCENT_CHROMEDRIVER", DRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=" + width + "," + height,
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        browser.manage().window().setSize(new Dimension(width, height));
        return browser;
    }

    /** The path the environment variable names, else the first of the usual Debian places that exists. */
    private static Path find(String variable, List<Path> usual) {
        String configured = System.getenv(variable);
        List<Path> candidates = configured == null || configured.isBlank() ? usual : List.of(Path.of(configured));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
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
