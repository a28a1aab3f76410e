package org.ndoo.gateway;

import java.nio.file.Path;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An answer naming a number that was not asked about cannot be trusted: no result, a failure notice instead. */
class LookupProtocolErrorTest extends GatewayTestSupport {

    @Test
    void answerWithAForeignNumberFailsTheSubmission() throws Exception {
        List<String> asked = SyntheticNhsNumbers.valid(700, 5);
        String foreign = SyntheticNhsNumbers.valid(800, 1).get(0);
        lookup.answerNextWith(asked.get(0) + "\n" + foreign + "\n");
        Path input = drop("protocol.csv", lines(asked));

        MimeMessage notice = awaitMail();
        String text = Mails.text(notice);
        assertTrue(text.contains("answer the gateway cannot trust"), text);
        assertTrue(text.contains("not asked about"), text);
        assertFalse(text.contains(foreign), "the notice must not quote the number");
        assertFalse(Mails.hasAttachment(notice));
        awaitCleanedUp(input);
    }
}
