package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.campaignrl.boot.Http;
import org.campaignrl.boot.ServedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Swagger UI at /api/docs in headless Chromium: it draws every documented operation from this server alone. */
class ApiDocsBrowserTest {
    @TempDir
    Path folder;

    @Test
    void the_swagger_ui_shows_every_operation_of_the_document_loading_nothing_from_elsewhere() throws Exception {
        try (Browser browser = Browser.start(folder.resolve("chromium-profile"));
                ServedApp served = ServedApp.empty(folder.resolve("app"))) {
            JsonNode document = new ObjectMapper()
                    .readTree(Http.send(served.baseUrl(), "GET", "/api/openapi.json", "")
                            .body());
            int operations = 0;
            for (JsonNode path : document.get("paths")) {
                operations += path.size();
            }

            browser.driver.get(served.baseUrl() + "/api/docs");
            int expected = operations;
            new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                    .until(driver ->
                            driver.findElements(By.cssSelector(".opblock")).size() == expected);

            String title =
                    browser.driver.findElement(By.cssSelector(".info .title")).getText();
            assertTrue(title.startsWith("campaign-rl"), title);
            assertTrue(
                    browser.driver
                            .findElements(By.cssSelector(".errors-wrapper"))
                            .isEmpty(),
                    "Swagger UI reports errors in the document");
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) browser.driver.executeScript(
                    "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
            assertFalse(loaded.isEmpty());
            for (String url : loaded) {
                assertTrue(url.startsWith(served.baseUrl() + "/"), "loaded from elsewhere: " + url);
            }
            browser.screenshot("api-docs", 1280);
        }
    }
}
