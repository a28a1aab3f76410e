package org.ndoo.gateway;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files dropped together are separate submissions: a small one is answered while a large one is still waiting. */
class SmallFileIsNotHeldUpByALargeOneTest extends GatewayTestSupport {

    @Test
    void smallFileOvertakesLargeOne() throws Exception {
        lookup.holdFromRequest(1, 1000); // the large file's lookup waits until the small one is answered
        List<String> large = SyntheticNhsNumbers.valid(10_000, 50_000);
        List<String> small = SyntheticNhsNumbers.valid(70_000, 10);

        drop("large.csv", lines(large));
        Await.until("the large file's lookup under way", Duration.ofSeconds(20),
                () -> lookup.requests().stream().anyMatch(r -> r.lines() == 50_000));
        drop("small.csv", lines(small));

        MimeMessage first = awaitMails(1)[0];
        assertTrue(first.getSubject().contains("small.csv"), first.getSubject());
        assertSameNumbers(SyntheticNhsNumbers.permitted(small), Mails.attachment(first).numbers());
        lookup.release();

        MimeMessage second = awaitMails(2)[1];
        assertTrue(second.getSubject().contains("large.csv"), second.getSubject());
        assertSameNumbers(SyntheticNhsNumbers.permitted(large), Mails.attachment(second).numbers());
    }
}
