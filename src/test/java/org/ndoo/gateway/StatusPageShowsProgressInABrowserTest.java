package org.ndoo.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The status page in a real browser (Debian's headless Chromium through chromedriver): while a large submission is
 * held after its first chunk, its row shows the reference, submitter, file and "1 of 3" chunks; after delivery the
 * outcome table shows it delivered with its counts. Screenshots in target/status-page-*.png. No NHS number appears.
 */
class StatusPageShowsProgressInABrowserTest extends GatewayTestSupport {

    private ChromeDriver browser;

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.lookup.chunk-size", "1000");
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.open(1400, 1000);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aLargeSubmissionShowsItsProgressThenItsOutcome() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(0, 2500);
        List<String> permitted = SyntheticNhsNumbers.permitted(numbers);
        // the first chunk is answered, the others held (two chunks are asked at a time, in either order)
        lookup.holdAllBut(numbers.get(0));

        Path input = drop("whole-population.csv", lines(numbers));
        By inFlight = By.xpath("//table[@id='in-flight']//tr[td[3]='whole-population.csv']/td");
        Await.until("the first chunk answered, on the page", Duration.ofSeconds(20), () -> {
            browser.get(statusUrl());
            List<WebElement> shown = browser.findElements(inFlight);
            return shown.size() > 5 && shown.get(5).getText().strip().equals("1 of 3");
        });

        browser.get(statusUrl().replace("/status", "/"));
        assertTrue(browser.getCurrentUrl().endsWith("/status"), "the management server's root leads to the status page");
        List<WebElement> cells = browser.findElements(inFlight);
        assertTrue(cells.get(0).getText().matches("NDOO-\\d{8}-\\d{6}-[A-Z0-9]{5}"), cells.get(0).getText());
        assertEquals(SUBMITTER, cells.get(1).getText());
        assertEquals("shared-folder", cells.get(3).getText());
        assertEquals("checking", cells.get(4).getText());
        assertEquals("1 of 3", cells.get(5).getText().strip());
        assertEquals("2,500", cells.get(6).getText());
        for (String dependency : new String[] {"inbox", "work-directory", "lookup", "mail-server"}) {
            assertEquals("UP", browser.findElement(By.xpath(
                    "//table[@id='dependencies']//tr[td[1]='" + dependency + "']/td[2]")).getText(), dependency);
        }
        screenshot("target/status-page-in-flight.png");
        assertNoNhsNumberIn(Browser.source(browser), numbers);

        lookup.release();
        awaitMail();
        awaitCleanedUp(input);
        String reference = cells.get(0).getText();
        Await.until("the outcome on the page", Duration.ofSeconds(10), () -> {
            browser.navigate().refresh();
            return !browser.findElements(By.xpath("//table[@id='recent']//tr[td[2]='" + reference + "']")).isEmpty();
        });
        List<WebElement> outcome = browser.findElements(By.xpath("//table[@id='recent']//tr[td[2]='" + reference + "']/td"));
        assertEquals("delivered", outcome.get(4).getText());
        assertEquals("2,500", outcome.get(5).getText(), "rows");
        assertEquals("2,500", outcome.get(8).getText(), "checked");
        assertEquals(String.format(java.util.Locale.UK, "%,d", permitted.size()), outcome.get(9).getText(), "permitted");
        assertEquals(Integer.toString(2500 - permitted.size()), outcome.get(10).getText(), "withheld");
        assertFalse(browser.findElements(By.id("in-flight-none")).isEmpty(), "nothing in flight any more");
        screenshot("target/status-page-after.png");
        assertNoNhsNumberIn(Browser.source(browser), numbers);
    }

    private void screenshot(String file) throws Exception {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of(file), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void assertNoNhsNumberIn(String page, List<String> numbers) {
        for (String number : numbers) {
            assertFalse(page.contains(number), "an NHS number on the status page");
        }
    }
}
