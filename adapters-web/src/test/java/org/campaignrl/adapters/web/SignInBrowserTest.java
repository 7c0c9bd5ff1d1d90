package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.campaignrl.boot.ServedApp;
import org.campaignrl.boot.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Signing in on the dashboard in headless Chromium: the form, the session, a change made with its CSRF token. */
class SignInBrowserTest {
    @TempDir
    static Path folder;

    static ServedApp served;
    static Browser browser;
    static String engineerToken;
    static String managerToken;

    @BeforeAll
    static void start() throws Exception {
        TestUsers users = TestUsers.fresh();
        engineerToken = users.engineerToken();
        managerToken = users.managerToken();
        browser = Browser.start(folder.resolve("chromium-profile"));
        served = ServedApp.trained(folder, WebSettings.inTemporaryFolder().withUsers(users.directory()));
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
    void an_engineer_signs_in_is_taken_back_to_the_page_trains_and_signs_out() throws Exception {
        browser.driver.get(served.baseUrl() + "/models");
        assertEquals("Sign in", browser.driver.findElement(By.tagName("h1")).getText());
        browser.screenshot("sign-in", 1280);

        signIn(engineerToken);

        assertEquals(served.baseUrl() + "/models", browser.driver.getCurrentUrl());
        assertTrue(browser.driver.findElement(By.id("sign-out")).getText().contains("eve · ml-engineer"));
        WebElement episodes = browser.driver.findElement(By.name("episodes"));
        episodes.clear();
        episodes.sendKeys("400");
        browser.clickThrough(browser.driver.findElement(By.cssSelector("#train-form button")));
        new WebDriverWait(browser.driver, Duration.ofSeconds(120))
                .until(ExpectedConditions.attributeToBe(By.id("job"), "data-state", "SUCCEEDED"));
        assertTrue(
                served.app.modelRegistry().models().stream()
                        .anyMatch(m -> m.startedBy().equals("eve (dashboard)")),
                "the registry names who trained it");

        browser.clickThrough(browser.driver.findElement(By.cssSelector("#sign-out button")));
        browser.driver.get(served.baseUrl() + "/models");
        assertEquals("Sign in", browser.driver.findElement(By.tagName("h1")).getText());
    }

    @Test
    void a_campaign_manager_sees_the_models_but_no_forms_that_change_them() {
        browser.driver.get(served.baseUrl() + "/login");
        signIn(managerToken);

        browser.driver.get(served.baseUrl() + "/models");
        assertEquals("Models", browser.driver.findElement(By.tagName("h1")).getText());
        assertFalse(
                browser.driver.findElements(By.cssSelector("#models tbody tr")).isEmpty());
        assertTrue(browser.driver.findElements(By.id("train-form")).isEmpty());
        assertTrue(browser.driver.findElements(By.id("rollback")).isEmpty());
        browser.driver.manage().deleteAllCookies();
    }

    private static void signIn(String token) {
        browser.driver.findElement(By.cssSelector("#login-form [name=token]")).sendKeys(token);
        browser.clickThrough(browser.driver.findElement(By.cssSelector("#login-form button")));
    }
}
