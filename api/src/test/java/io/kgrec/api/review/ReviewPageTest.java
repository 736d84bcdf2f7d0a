package io.kgrec.api.review;

import io.kgrec.api.testing.LoadedApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The reviewers' page in one headless Chromium per test class, opened afresh (and its console emptied) before each
 * test, on the real application.
 */
@Tag("full")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReviewPageTest extends LoadedApplication {
    protected ChromeDriver browser;
    protected ReviewPageDriver page;

    @BeforeAll
    void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void openPage() {
        page = new ReviewPageDriver(browser, port).open();
        HeadlessChromium.problems(browser);
    }
}
