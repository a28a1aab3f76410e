package org.ndoo.gateway.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A web check that cannot be done ends in a failure notice to the signed-in address, shown with its reason on
 * /checks; one that meets a lookup outage waits in its work folder and is delivered once the lookup is back.
 */
class WebCheckThatFailsIsToldToTheSignedInAddressTest extends WebTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.retry.resubmit-first-delay", "300ms");
        properties.setProperty("gateway.retry.resubmit-max-delay", "600ms");
    }

    @Test
    void noValidNumberEndsInANotice() throws Exception {
        String cookie = signIn(SUBMITTER);
        String csrf = csrf(get("/check", cookie).body());
        postMultipart("/check", cookie, Map.of("csrf", csrf, "numbers", "12345\n999 123 456"), null, null);
        MimeMessage notice = awaitMails(2)[1];
        assertEquals(SUBMITTER, Mails.to(notice));
        assertTrue(notice.getSubject().startsWith("NDOO check failed"), notice.getSubject());
        String text = Mails.text(notice);
        assertTrue(text.contains("send the check again from the gateway's web page")
                && text.contains("What you sent has been deleted") && !text.contains("drop"), text);
        Await.until("the failure on /checks", Duration.ofSeconds(10), () -> get("/checks", cookie).body().contains("Failed"));
        Await.until("the work area empty", Duration.ofSeconds(10), () -> isEmpty(workDir()));
    }

    @Test
    void aLookupOutageIsWaitedOut() throws Exception {
        String cookie = signIn(SUBMITTER);
        String csrf = csrf(get("/check", cookie).body());
        List<String> numbers = SyntheticNhsNumbers.valid(1500, 3);
        lookup.failNext(503, 6);
        postMultipart("/check", cookie, Map.of("csrf", csrf, "numbers", String.join("\n", numbers)), null, null);
        MimeMessage result = awaitMails(2)[1];
        assertTrue(result.getSubject().startsWith("NDOO check result"), result.getSubject());
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(result).numbers());
        Await.until("the work area empty", Duration.ofSeconds(10), () -> isEmpty(workDir()));
    }
}
