package org.ndoo.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Browser;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The status page in a real browser 1280 px wide, after a refused lookup (a long file name), a delivered file of
 * 1,200 rows and an input waiting because the lookup is down: no horizontal scroll, times with their zone, counts
 * with thousands separators as in the email, the reason of the failure, and the waiting input with its next attempt.
 */
class StatusPageFitsTheScreenAndShowsWaitingInputsInABrowserTest extends GatewayTestSupport {

    private static final String TIME_WITH_ZONE = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+";

    private ChromeDriver browser;

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.retry.attempts", "1");
        properties.setProperty("gateway.retry.resubmit-first-delay", "1h");
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.open(1280, 900);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void outcomesFitAndTheWaitingInputShowsItsNextAttempt() throws Exception {
        String longName = "quarterly-extract-for-the-integrated-care-board-data-team-"
                + "with-a-very-long-descriptive-name-that-does-not-break.csv";
        lookup.failNext(400, 1);
        Path refused = drop(longName, lines(SyntheticNhsNumbers.valid(8100, 5)));
        awaitMail();
        awaitCleanedUp(refused);
        Path delivered = drop("twelve-hundred.csv", lines(SyntheticNhsNumbers.valid(8200, 1200)));
        awaitMails(2);
        awaitCleanedUp(delivered);
        lookup.failNext(503, 100);
        Path waiting = drop("while-the-lookup-is-down.csv", lines(SyntheticNhsNumbers.valid(9300, 5)));

        browser.get(statusUrl());
        Await.until("the waiting input on the page", Duration.ofSeconds(20), () -> {
            browser.navigate().refresh();
            return !browser.findElements(By.xpath("//table[@id='waiting']//tr[td[3]='while-the-lookup-is-down.csv']"))
                    .isEmpty();
        });
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target/status-page-1280.png"),
                StandardCopyOption.REPLACE_EXISTING);

        long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        long clientWidth = (Long) browser.executeScript("return document.documentElement.clientWidth");
        assertTrue(scrollWidth <= clientWidth, "horizontal scroll at 1280 px: " + scrollWidth + " > " + clientWidth);

        List<WebElement> wait = cells("//table[@id='waiting']//tr[td[3]='while-the-lookup-is-down.csv']/td");
        assertEquals("waiting", wait.get(4).getText());
        assertEquals("the opt-out lookup is unavailable: HTTP 503", wait.get(5).getText());
        assertTrue(wait.get(7).getText().matches(TIME_WITH_ZONE), "next attempt: " + wait.get(7).getText());
        assertTrue(Files.exists(waiting), "the waiting input stays");

        List<WebElement> failed = cells("//table[@id='recent']//tr[td[5]='failed']/td");
        assertEquals("the lookup refused the request: HTTP 400", failed.get(12).getText());
        assertTrue(failed.get(0).getText().matches(TIME_WITH_ZONE), "finished: " + failed.get(0).getText());
        List<WebElement> done = cells("//table[@id='recent']//tr[td[5]='delivered']/td");
        assertEquals("1,200", done.get(5).getText(), "rows, formatted as in the email");
        assertEquals("1,200", done.get(8).getText(), "checked");
        assertEquals("", done.get(12).getText(), "no reason for a delivered file");
    }

    private List<WebElement> cells(String xpath) {
        return browser.findElements(By.xpath(xpath));
    }
}
