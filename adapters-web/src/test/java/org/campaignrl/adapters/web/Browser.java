package org.campaignrl.adapters.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Debian's chromedriver, both named explicitly so that nothing
 * tries to download a browser. Tests are skipped, saying why, where they are not installed; CI installs them.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final AtomicLong documents = new AtomicLong();

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    static Browser start(Path profileFolder) throws IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--user-data-dir=" + Files.createDirectories(profileFolder).toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    private static final String RECORD_VIOLATIONS = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' in ' + e.sourceFile"
            + "    + ':' + e.lineNumber); });";

    /** From now on every document records the Content-Security-Policy violations it sees; see {@link #cspViolations}. */
    void recordCspViolations() {
        driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", RECORD_VIOLATIONS));
    }

    /** The violations the current document saw (after {@link #recordCspViolations}). */
    @SuppressWarnings("unchecked")
    java.util.List<String> cspViolations() {
        return (java.util.List<String>) driver.executeScript("return window.__cspViolations || [];");
    }

    /** Clicks a link or a form's button and returns once the page it leads to has loaded. */
    void clickThrough(WebElement element) {
        navigate(element::click);
    }

    /** Goes back in the history and returns once that page has loaded. */
    void back() {
        navigate(() -> driver.navigate().back());
    }

    /**
     * Runs something that leaves the current document (a click, Back) and waits until another document has
     * replaced it and finished loading. A click does not wait for the page it leads to, and the address changes
     * before the new document replaces the old one: an element found meanwhile belongs to the old document, and
     * reading it fails ("Node with given id does not belong to the document"). So the current document is marked
     * with a token of its own, and the wait is for a loaded document without that token; no element of either
     * document is held across the change. A page restored from the back-forward cache has an older token, so it
     * counts as the new document too.
     */
    void navigate(Runnable leave) {
        String token = "document-" + documents.incrementAndGet();
        driver.executeScript("window.__campaignRlDocument = arguments[0];", token);
        leave.run();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                // While the documents change over, a script may find no document to run in: try again.
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.__campaignRlDocument !== arguments[0] && document.readyState === 'complete';",
                        token)));
    }

    /** A screenshot at a given width, under target/screenshots (and docs/screenshots when UPDATE_SCREENSHOTS=1). */
    void screenshot(String name, int width) throws IOException {
        driver.manage().window().setSize(new Dimension(width, 900));
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 600), 4000)));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if ("1".equals(System.getenv("UPDATE_SCREENSHOTS"))) {
            Path docs = Files.createDirectories(Path.of("..", "docs", "screenshots"))
                    .resolve(name + ".png");
            Files.copy(shot.toPath(), docs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
