package org.ndoo.gateway.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Browser;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.WebTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member of staff, in headless Chromium, signs in with the link from the real sign-in email, types numbers (spaced,
 * a duplicate, an invalid one), sees the reference, then the outcome on /checks; the exact result email arrives and
 * the work area is empty after; then uploads a CSV with a BOM and a header and gets its result too. No NHS number is
 * in any page, cookie, URL, log line or audit record of it. Screenshots of the three pages go to
 * target/web-*.png (README's, in docs/, are copies of them).
 */
class WebSubmissionInABrowserTest extends WebTestSupport {

    private static final Pattern REFERENCE = Pattern.compile("NDOO-[0-9]{8}-[0-9]{6}-[A-Z0-9]{5}");

    private ChromeDriver browser;
    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signInTypeUploadAndFollowTheChecks() throws Exception {
        long mark = logMark();
        browser = Browser.open(1000, 900);
        List<String> typed = SyntheticNhsNumbers.valid(1200, 5);
        List<String> uploaded = SyntheticNhsNumbers.valid(1300, 40);
        List<String> all = new ArrayList<>(typed);
        all.addAll(uploaded);

        browser.get(web() + "/");
        screenshot("target/web-sign-in.png");
        browser.findElement(By.id("email")).sendKeys(SUBMITTER);
        browser.findElement(By.cssSelector("form[action='/sign-in'] button")).click();
        Await.until("the neutral page", Duration.ofSeconds(10), () -> page().contains("Check your email"));
        browser.get(linkInMail(1));
        Await.until("the check form", Duration.ofSeconds(10), () -> browser.getCurrentUrl().endsWith("/check"));
        assertTrue(page().contains("Signed in as " + SUBMITTER), page());

        String text = SyntheticNhsNumbers.spaced(typed.get(0)) + "\n" + typed.get(1) + ", " + typed.get(2) + "\n"
                + typed.get(3) + "; " + typed.get(1) + "\n999 123 456\n" + typed.get(4) + "\n";
        browser.findElement(By.id("numbers")).sendKeys(text);
        screenshot("target/web-check.png");
        browser.findElement(By.cssSelector("form[action='/check'] button")).click();
        Await.until("the reference", Duration.ofSeconds(10), () -> REFERENCE.matcher(page()).find());
        String reference = reference();

        browser.findElement(By.linkText("Follow this check")).click();
        Await.until("the check delivered, shown on its page", Duration.ofSeconds(20), () -> {
            browser.navigate().refresh();
            return page().contains("Sent to you");
        });
        MimeMessage result = awaitMails(2)[1];
        assertEquals(SUBMITTER, Mails.to(result));
        assertTrue(result.getSubject().contains(reference), result.getSubject());
        // "999 123 456" is not ten digits: three entries, each invalid (TypedNumbers)
        assertEquals(9, Mails.count(result, "Rows read"));
        assertEquals(3, Mails.count(result, "Invalid rows"));
        assertEquals(1, Mails.count(result, "Duplicates removed"));
        assertSameNumbers(SyntheticNhsNumbers.permitted(typed), Mails.attachment(result).numbers());
        Await.until("the work area empty", Duration.ofSeconds(10), () -> isEmpty(workDir()));

        Path csv = root.resolve("From the ward.csv");
        Files.write(csv, ("\uFEFFNHS Number,Ward\r\n" + String.join(",A1\r\n", uploaded) + ",A1\r\n")
                .getBytes(StandardCharsets.UTF_8));
        browser.get(web() + "/check");
        page();
        browser.findElement(By.id("file")).sendKeys(csv.toString());
        browser.findElement(By.cssSelector("form[action='/check'] button")).click();
        Await.until("the second reference", Duration.ofSeconds(10), () -> REFERENCE.matcher(page()).find());
        String second = reference();
        MimeMessage fromFile = awaitMails(3)[2];
        assertTrue(fromFile.getSubject().contains(second) && fromFile.getSubject().contains("From the ward.csv"),
                fromFile.getSubject());
        assertEquals(40, Mails.count(fromFile, "Valid NHS numbers"));
        assertSameNumbers(SyntheticNhsNumbers.permitted(uploaded), Mails.attachment(fromFile).numbers());

        browser.get(web() + "/checks");
        Await.until("both checks ended on /checks", Duration.ofSeconds(20), () -> {
            browser.navigate().refresh();
            String p = page();
            return p.contains(reference) && p.contains(second) && !p.contains("Running");
        });
        assertTrue(page().contains("typed numbers") && page().contains("From the ward.csv"), page());
        screenshot("target/web-checks.png");
        Await.until("the work area empty again", Duration.ofSeconds(10), () -> isEmpty(workDir()));

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(320, 800));
        browser.navigate().refresh();
        long width = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
        assertTrue(width <= 320, "readable at 320 px without scrolling sideways: " + width);

        for (Cookie cookie : browser.manage().getCookies()) {
            seen.add(cookie.getName() + "=" + cookie.getValue());
        }
        seen.addAll(logLinesSince(mark));
        seen.addAll(auditRecords());
        for (String s : seen) {
            assertFalse(holdsAny(s, all), "an NHS number in a page, cookie, URL, log line or audit record");
        }
    }

    /** The page's source, kept for the scan for NHS numbers (with its URL). */
    private String page() {
        String source = Browser.source(browser);
        seen.add(browser.getCurrentUrl());
        seen.add(source);
        return source;
    }

    private String reference() {
        Matcher m = REFERENCE.matcher(page());
        assertTrue(m.find());
        return m.group();
    }

    private void screenshot(String file) throws Exception {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of(file), StandardCopyOption.REPLACE_EXISTING);
    }
}
