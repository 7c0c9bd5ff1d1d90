package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.campaignrl.boot.ServedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Content-Security-Policy blocks nothing the pages need: every page and the Swagger UI load in headless
 * Chromium without one {@code securitypolicyviolation} event, and the explorer's Q bars still have their widths.
 */
class ContentSecurityPolicyBrowserTest {
    @TempDir
    Path folder;

    @Test
    void no_page_violates_the_policy() throws Exception {
        try (Browser browser = Browser.start(folder.resolve("chromium-profile"));
                ServedApp served = ServedApp.trained(folder.resolve("app"))) {
            browser.recordCspViolations();
            List<String> violations = new ArrayList<>();
            for (String page : List.of(
                    "/", "/audiences", "/explorer", "/models", "/evaluation", "/data", "/campaigns", "/api/docs")) {
                browser.driver.get(served.baseUrl() + page);
                if (page.equals("/api/docs")) {
                    new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                            .until(driver -> !driver.findElements(By.cssSelector(".opblock"))
                                    .isEmpty());
                }
                if (page.equals("/explorer")) {
                    List<WebElement> bars = browser.driver.findElements(By.cssSelector(".qbar"));
                    assertEquals(7, bars.size(), "one Q bar per action");
                    assertTrue(
                            bars.stream().anyMatch(bar -> bar.getRect().getWidth() > 10),
                            "the Q bars have their widths");
                }
                browser.cspViolations().forEach(violation -> violations.add(page + ": " + violation));
            }
            assertTrue(violations.isEmpty(), "CSP violations: " + violations);
        }
    }
}
