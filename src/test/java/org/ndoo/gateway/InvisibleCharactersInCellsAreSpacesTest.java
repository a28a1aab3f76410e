package org.ndoo.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The invisible characters spreadsheets and web pages put into cells (no-break and narrow no-break spaces, figure
 * space, zero-width space, joiner and non-joiner, word joiner, a byte-order mark in mid-file) count as spaces around
 * and inside a number; a visible stray character still makes the row invalid.
 */
class InvisibleCharactersInCellsAreSpacesTest extends GatewayTestSupport {

    @Test
    void numbersWithInvisibleCharactersAreValid() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(2600, 9);
        String[] invisible = {"\u00A0", "\u202F", "\u2007", "\u200B", "\u200D", "\u200C", "\u2060", "\uFEFF", "\u00A0\u200B"};
        StringBuilder csv = new StringBuilder("NHS\u00A0Number,name\n");
        for (int i = 0; i < numbers.size(); i++) {
            String n = numbers.get(i);
            String cell = i % 2 == 0
                    ? invisible[i] + n + invisible[i]                                          // around
                    : n.substring(0, 3) + invisible[i] + n.substring(3, 6) + invisible[i] + n.substring(6); // inside
            csv.append(i == 7 ? "\uFEFF" : "").append(cell).append(",Smith\n");
        }
        csv.append("999/000/0018,Jones\n");                                                   // line 11: visible, invalid
        drop(SUBMITTER, "pasted.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        MimeMessage mail = awaitMail();
        assertEquals(9, Mails.count(mail, "Valid NHS numbers"));
        assertEquals(1, Mails.count(mail, "Invalid rows"));
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        assertTrue(Mails.text(mail).contains("Its line number: 11."), Mails.text(mail));
    }
}
