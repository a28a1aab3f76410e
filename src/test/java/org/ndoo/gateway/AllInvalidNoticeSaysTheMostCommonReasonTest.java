package org.ndoo.gateway;

import java.nio.file.Path;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When no row holds a valid number, the notice says the most common reason, with counts, never the values. */
class AllInvalidNoticeSaysTheMostCommonReasonTest extends GatewayTestSupport {

    @Test
    void noticeGivesTheDominantReasonWithCounts() throws Exception {
        List<String> valid = SyntheticNhsNumbers.valid(2700, 4);
        List<String> wrongCheckDigit = valid.stream()
                .map(n -> n.substring(0, 9) + (char) ((n.charAt(9) - '0' + 1) % 10 + '0')).toList();
        String rows = String.join("\n", wrongCheckDigit) + "\n" + "12345\n" + "unknown\n";
        Path input = drop("cohort.csv", "nhs_number\n" + rows);

        MimeMessage notice = awaitMail();
        String text = Mails.text(notice);
        assertEquals(SUBMITTER, Mails.to(notice));
        assertTrue(text.contains("None of the 6 rows holds a valid NHS number. Most rows: wrong check digit (4 of 6);"
                + " also letters in the number (1) and not 10 digits (1)."), text);
        wrongCheckDigit.forEach(n -> assertFalse(text.contains(n), "the notice quotes no value"));
        assertFalse(text.contains("unknown"), "the notice quotes no value");
        awaitCleanedUp(input);
    }
}
