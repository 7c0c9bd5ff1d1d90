package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.campaignrl.application.port.ProgressListener;
import org.campaignrl.application.port.in.CampaignsUseCase;
import org.campaignrl.application.port.in.IngestLogsUseCase.IngestLogsCommand;
import org.campaignrl.boot.ServedApp;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.PlanAnswer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Campaigns page in headless Chromium: the plan form's live figures (and a refusal among them), planning, the
 * send list downloaded from the plan's page, and the readout page after the answered plan was ingested — with no
 * Content-Security-Policy violation on the way. Waits for conditions, never for time.
 */
class CampaignsBrowserTest {
    @TempDir
    static Path folder;

    static ServedApp served;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(folder.resolve("chromium-profile"));
        browser.recordCspViolations();
        served = ServedApp.withCampaigns(folder.resolve("app"), WebSettings.inTemporaryFolder());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (served != null) {
            served.close();
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(30));
    }

    private static void fill(String name, String value) {
        WebElement field = browser.driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    @Test
    void the_plan_form_shows_live_figures_and_refusals_then_plans() throws Exception {
        browser.driver.get(served.baseUrl() + "/campaigns");
        assertEquals("Campaigns", browser.driver.findElement(By.tagName("h1")).getText());
        assertEquals(
                "page", browser.driver.findElement(By.linkText("Campaigns")).getAttribute("aria-current"));

        waiting().until(ExpectedConditions.attributeToBe(By.id("preview"), "data-state", "shown"));
        String target = browser.driver
                .findElement(By.cssSelector("#preview-figures tr[data-group=chosen]"))
                .getText();
        assertTrue(target.contains("1,000"), "the default budget's figures: " + target);

        fill("budget", "99999999");
        waiting().until(ExpectedConditions.attributeToBe(By.id("preview"), "data-state", "refused"));
        assertTrue(
                browser.driver.findElement(By.id("preview-text")).getText().startsWith("budget: "),
                browser.driver.findElement(By.id("preview-text")).getText());

        fill("budget", "250");
        waiting().until(ExpectedConditions.attributeToBe(By.id("preview"), "data-state", "shown"));
        waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#preview-figures tr[data-group=chosen]"), "250"));
        browser.screenshot("campaigns", 1280);

        browser.clickThrough(browser.driver.findElement(By.id("plan-submit")));

        assertTrue(browser.driver.getCurrentUrl().matches(".*/campaigns/\\d+"), browser.driver.getCurrentUrl());
        assertTrue(browser.driver.findElement(By.tagName("h1")).getText().startsWith("Campaign plan "));
        assertEquals("none", browser.driver.findElement(By.id("readout")).getAttribute("data-state"));
        assertTrue(
                browser.driver.findElement(By.id("readout-message")).getText().startsWith("No readout yet"));
        assertNoViolations();
    }

    @Test
    void the_send_list_downloads_from_the_plan_page_and_the_readout_page_shows_lift_and_calibration() throws Exception {
        long id = served.app
                .planCampaign()
                .plan(
                        CampaignRequest.from(
                                new Fields(Map.of(
                                        "subjectId",
                                        Integer.toString(subject()),
                                        "budget",
                                        "500",
                                        "startDate",
                                        "2026-12-07")::get),
                                java.time.LocalDate.of(2026, 12, 1)))
                .id();
        browser.driver.get(served.baseUrl() + "/campaigns/" + id);
        WebElement link = browser.driver.findElement(By.id("send-list"));
        assertEquals("campaign-" + id + "-send-list.csv", link.getAttribute("download"));
        // The download itself, as the link fetches it with the page's cookies.
        String csv = (String) browser.driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(function (r) { return r.text(); }).then(done);",
                link.getAttribute("href"));
        List<String> rows = csv.lines().toList();
        assertEquals(CampaignsUseCase.SEND_LIST_HEADER, rows.get(0));
        assertEquals(served.app.campaigns().show(id).plan().figures().customers(), rows.size() - 1);

        Path sendList = folder.resolve("send-list.csv");
        Files.writeString(sendList, csv);
        Path answered = folder.resolve("answered");
        PlanAnswer.answer(
                sendList,
                served.logs.resolve(CampaignLogGenerator.TRUTH),
                served.logs.resolve(CampaignLogGenerator.USERBASE),
                answered,
                5);
        served.app.ingestLogs().ingest(IngestLogsCommand.inFolder(answered), ProgressListener.NONE);

        browser.driver.navigate().refresh();
        assertEquals("found", browser.driver.findElement(By.id("readout")).getAttribute("data-state"));
        assertEquals(
                3,
                browser.driver
                        .findElements(By.cssSelector("#readout-groups tbody tr"))
                        .size());
        assertFalse(browser.driver.findElement(By.id("lift")).getText().isBlank());
        assertTrue(
                browser.driver.findElement(By.id("readout-message")).getText().startsWith("This campaign "));
        List<WebElement> points = browser.driver.findElements(By.cssSelector("#calibration svg circle"));
        assertFalse(points.isEmpty(), "the calibration chart has its points");
        assertTrue(points.get(0).getRect().getWidth() > 0, "and draws them");
        browser.screenshot("campaign-readout", 1280);

        // A plan whose sends never come: the next ingest (the original logs) says so on its page.
        long never = served.app
                .planCampaign()
                .plan(
                        CampaignRequest.from(
                                new Fields(Map.of(
                                        "subjectId",
                                        Integer.toString(subject()),
                                        "budget",
                                        "50",
                                        "startDate",
                                        "2026-12-07")::get),
                                java.time.LocalDate.of(2026, 12, 1)))
                .id();
        served.app.ingestLogs().ingest(IngestLogsCommand.inFolder(served.logs), ProgressListener.NONE);
        browser.driver.get(served.baseUrl() + "/campaigns/" + never);
        assertEquals("not-found", browser.driver.findElement(By.id("readout")).getAttribute("data-state"));
        assertTrue(
                browser.driver.findElement(By.id("readout-message")).getText().startsWith("Its sends never appeared"));

        browser.driver.get(served.baseUrl() + "/campaigns");
        assertTrue(browser.driver
                        .findElements(By.cssSelector("#plans tr[data-plan]"))
                        .size()
                >= 2);
        assertNoViolations();
    }

    private static int subject() {
        return served.app
                .servingStatus()
                .status()
                .latestDataset()
                .orElseThrow()
                .subjectIds()
                .get(0);
    }

    private static void assertNoViolations() {
        assertTrue(browser.cspViolations().isEmpty(), "CSP violations: " + browser.cspViolations());
    }
}
