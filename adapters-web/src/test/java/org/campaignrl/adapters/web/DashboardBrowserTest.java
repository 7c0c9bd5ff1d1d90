package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.campaignrl.boot.ServedApp;
import org.campaignrl.data.CampaignLogGenerator;
import org.campaignrl.data.GenerationProgress;
import org.campaignrl.data.GeneratorSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard in headless Chromium against a real server: every page, the explorer, training, upload. */
class DashboardBrowserTest {
    @TempDir
    static Path folder;

    static ServedApp served;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(folder.resolve("chromium-profile"));
        served = ServedApp.trained(folder);
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

    @Test
    void every_page_loads_with_its_heading_and_no_error() throws Exception {
        for (String[] page : new String[][] {
            {"/", "Overview"},
            {"/audiences", "Audience finder"},
            {"/explorer", "State explorer"},
            {"/models", "Models"},
            {"/evaluation", "Evaluation"},
            {"/data", "Data"}
        }) {
            open(page[0]);
            assertEquals(page[1], browser.driver.findElement(By.tagName("h1")).getText());
            assertTrue(browser.driver.getTitle().startsWith(page[1]), browser.driver.getTitle());
            assertTrue(
                    browser.driver.findElements(By.cssSelector("[role=alert]")).isEmpty(), page[0]);
        }
        open("/");
        assertFalse(browser.driver
                .findElements(By.cssSelector("figure.chart svg rect"))
                .isEmpty());
        assertEquals(
                3,
                browser.driver.findElements(By.cssSelector("#heatmap tbody tr")).size());
        browser.screenshot("overview", 1280);
        browser.screenshot("overview-phone", 390);
        open("/evaluation");
        assertFalse(browser.driver.findElements(By.cssSelector("#quality tr")).isEmpty());
        assertTrue(browser.driver
                .findElement(By.id("fold-report"))
                .getText()
                .startsWith("Model Results for Training Fold 0:"));
        browser.screenshot("evaluation", 1280);
    }

    @Test
    void the_audience_finder_ranks_cells_and_segments_for_a_chosen_audience() throws Exception {
        open("/audiences");
        new Select(browser.driver.findElement(By.name("subjectId"))).selectByVisibleText("Email Subject 2");
        new Select(browser.driver.findElement(By.name("type"))).selectByVisibleText("Consumer");
        WebElement minSends = browser.driver.findElement(By.name("minSends"));
        minSends.clear();
        minSends.sendKeys("5");
        browser.clickThrough(browser.driver.findElement(By.cssSelector("#audience-form button")));

        List<WebElement> cells = browser.driver.findElements(By.cssSelector("#cells tbody tr"));
        assertFalse(cells.isEmpty());
        for (WebElement row : cells) {
            assertTrue(row.getText().contains("Consumer"), row.getText());
        }
        assertFalse(browser.driver
                .findElements(By.cssSelector("#segments tbody tr"))
                .isEmpty());
        assertEquals(
                7, browser.driver.findElements(By.cssSelector("#days tbody tr")).size());
        assertFalse(browser.driver.findElements(By.cssSelector("#rollout li")).isEmpty());
        String csvHref = browser.driver.findElement(By.id("csv-export")).getAttribute("href");
        assertTrue(csvHref.contains("/audiences.csv?") && csvHref.contains("type=1"), csvHref);
        browser.screenshot("audiences", 1280);
    }

    @Test
    void the_explorer_moves_with_a_click_and_back_returns() throws Exception {
        open("/explorer");
        new Select(browser.driver.findElement(By.name("day"))).selectByVisibleText("Saturday");
        browser.clickThrough(browser.driver.findElement(By.cssSelector("form[aria-label='Choose a state'] button")));
        assertTrue(browser.driver.getCurrentUrl().contains("day=5"), browser.driver.getCurrentUrl());
        String before = browser.driver.findElement(By.id("cell-labels")).getText();
        assertTrue(before.contains("Saturday"), before);
        assertEquals(
                7,
                browser.driver.findElements(By.cssSelector("#actions tbody tr")).size());
        assertEquals(
                1,
                browser.driver.findElements(By.cssSelector("#actions tr.best")).size());
        assertFalse(
                browser.driver.findElements(By.cssSelector("#greedy-path li")).isEmpty());
        browser.screenshot("explorer", 1280);

        browser.clickThrough(browser.driver.findElement(By.cssSelector("#actions a[data-action='0']")));
        assertTrue(browser.driver.getCurrentUrl().contains("day=6"), browser.driver.getCurrentUrl());
        String after = browser.driver.findElement(By.id("cell-labels")).getText();
        assertTrue(after.contains("Sunday"), after);

        browser.back();
        assertTrue(browser.driver.getCurrentUrl().contains("day=5"), browser.driver.getCurrentUrl());
        assertEquals(before, browser.driver.findElement(By.id("cell-labels")).getText());
    }

    @Test
    void training_from_the_form_shows_progress_until_done_and_the_new_version_is_active() throws Exception {
        open("/models");
        int versionsBefore =
                browser.driver.findElements(By.cssSelector("#models tbody tr")).size();
        WebElement episodes = browser.driver.findElement(By.name("episodes"));
        episodes.clear();
        episodes.sendKeys("3000");
        browser.clickThrough(browser.driver.findElement(By.cssSelector("#train-form button")));

        assertTrue(browser.driver.getCurrentUrl().contains("/models?job="), browser.driver.getCurrentUrl());
        waitForJob("SUCCEEDED");
        assertTrue(browser.driver
                .findElement(By.cssSelector("#job .job-text"))
                .getText()
                .startsWith("succeeded"));
        browser.screenshot("models", 1280);

        browser.driver.navigate().refresh();
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#models tbody tr"));
        assertEquals(versionsBefore + 1, rows.size());
        assertTrue(rows.get(0).getText().contains("active"), rows.get(0).getText());
    }

    @Test
    void an_older_version_is_activated_compared_and_rolled_back_from_the_page() throws Exception {
        served.app
                .trainModel()
                .train(ServedApp.smallTraining(1_000, 77), org.campaignrl.application.port.ProgressListener.NONE);
        open("/models");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#models tbody tr"));
        String newest = rows.get(0).getAttribute("data-model");
        String older = rows.get(rows.size() - 1).getAttribute("data-model");

        browser.clickThrough(browser.driver.findElement(By.cssSelector("button[data-activate='" + older + "']")));
        assertTrue(browser.driver.findElement(By.id("notice")).getText().contains("model " + older + " is active"));
        assertTrue(browser.driver
                .findElement(By.cssSelector("#models tr[data-model='" + older + "']"))
                .getText()
                .contains("active"));

        new Select(browser.driver.findElement(By.name("a"))).selectByValue(older);
        new Select(browser.driver.findElement(By.name("b"))).selectByValue(newest);
        browser.clickThrough(browser.driver.findElement(By.cssSelector("#compare-form button")));
        assertTrue(browser.driver.findElement(By.id("changed-states")).getText().contains(" of "));

        browser.clickThrough(browser.driver.findElement(By.id("rollback")));
        assertTrue(browser.driver.findElement(By.id("notice")).getText().contains("rolled back: model " + newest));
        browser.screenshot("models-actions", 1280);
    }

    @Test
    void a_bad_training_form_is_refused_with_the_field_named() throws Exception {
        open("/models");
        browser.driver.executeScript("document.getElementById('train-form').noValidate = true;");
        WebElement alpha = browser.driver.findElement(By.name("alpha"));
        alpha.clear();
        alpha.sendKeys("7");
        browser.clickThrough(browser.driver.findElement(By.cssSelector("#train-form button")));
        assertTrue(browser.driver.findElement(By.id("problem")).getText().startsWith("alpha"));
    }

    @Test
    void uploading_three_files_ingests_them_with_live_progress() throws Exception {
        Path logs = folder.resolve("upload");
        new CampaignLogGenerator(new GeneratorSettings(1_500, 3)).writeTo(logs, GenerationProgress.NONE);
        java.nio.file.Files.writeString(
                logs.resolve("userbase.csv"),
                "2147483000,X,C,someone@example.com,30,5\n",
                java.nio.file.StandardOpenOption.APPEND);
        open("/data");
        String before = browser.driver.findElement(By.id("latest-dataset")).getText();
        browser.driver
                .findElement(By.name("sent"))
                .sendKeys(logs.resolve("sent_emails.csv").toAbsolutePath().toString());
        browser.driver
                .findElement(By.name("responded"))
                .sendKeys(logs.resolve("responded.csv").toAbsolutePath().toString());
        browser.driver
                .findElement(By.name("userbase"))
                .sendKeys(logs.resolve("userbase.csv").toAbsolutePath().toString());
        browser.clickThrough(browser.driver.findElement(By.cssSelector("#upload-form button")));

        waitForJob("SUCCEEDED");
        browser.driver.navigate().refresh();
        String after = browser.driver.findElement(By.id("latest-dataset")).getText();
        assertNotEquals(before, after);
        assertEquals(
                3,
                browser.driver.findElements(By.cssSelector("#files tbody tr")).size());
        List<WebElement> rejected = browser.driver.findElements(By.cssSelector("#rejected-rows tbody tr"));
        assertEquals(1, rejected.size());
        assertTrue(
                rejected.get(0).getText().contains("unknown gender code"),
                rejected.get(0).getText());
        browser.screenshot("data", 1280);
    }

    private static void waitForJob(String state) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.attributeToBe(By.id("job"), "data-state", state));
    }

    private static void open(String path) {
        browser.driver.get(served.baseUrl() + path);
    }
}
