package org.ndoo.gateway;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invalid rows are counted and reported by line number (never by value), duplicates are removed keeping the first,
 * blank lines are skipped, and spreadsheet damage gets a hint.
 */
class InvalidAndDuplicateRowsTest extends GatewayTestSupport {

    @Test
    void invalidRowsAreReportedByLineAndDuplicatesRemoved() throws Exception {
        List<String> valid = SyntheticNhsNumbers.valid(400, 10);
        String wrongCheckDigit = valid.get(0).substring(0, 9) + (char) ((valid.get(0).charAt(9) - '0' + 1) % 10 + '0');
        List<String> rows = new ArrayList<>(List.of(
                valid.get(0),                                   // line 1
                wrongCheckDigit,                                // line 2: invalid
                valid.get(1),                                   // line 3
                "",                                             // line 4: blank
                SyntheticNhsNumbers.spaced(valid.get(0)),       // line 5: duplicate of line 1
                "9.99E+09",                                     // line 6: invalid, spreadsheet
                valid.get(2) + ".0",                            // line 7: invalid, spreadsheet
                "999123456",                                    // line 8: invalid, nine digits
                "9999999999",                                   // line 9: invalid, repeated digit
                valid.get(1)));                                 // line 10: duplicate
        rows.addAll(valid.subList(3, 10));                      // lines 11-17
        drop("mixed.txt", String.join("\n", rows) + "\n");

        MimeMessage mail = awaitMail();
        assertEquals(16, Mails.count(mail, "Rows read"));
        assertEquals(11, Mails.count(mail, "Valid NHS numbers"));
        assertEquals(5, Mails.count(mail, "Invalid rows"));
        assertEquals(2, Mails.count(mail, "Duplicates removed"));
        assertEquals(9, Mails.count(mail, "Checked"));

        List<String> distinctValid = new ArrayList<>(valid.subList(0, 2));
        distinctValid.addAll(valid.subList(3, 10));
        assertSameNumbers(SyntheticNhsNumbers.permitted(distinctValid), Mails.attachment(mail).numbers());

        String text = Mails.text(mail);
        assertTrue(text.contains("Their line numbers: 2, 6, 7, 8, 9."), text);
        assertTrue(text.contains("2 of them look changed by a spreadsheet"), text);
        assertFalse(text.contains(wrongCheckDigit), "the email must not quote an invalid value");
        assertFalse(text.contains(valid.get(2)), "the email must not quote an invalid value");
    }
}
