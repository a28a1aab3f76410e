package org.ndoo.gateway;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The result email's sentences agree with their counts: one invalid row, one spreadsheet-damaged row and one
 * permitted number are worded in the singular; a list of line numbers longer than the email shows ends with how many
 * more there are, never with "....".
 */
class ResultMailSingularAndPluralTest extends GatewayTestSupport {

    @Test
    void oneOfEachIsSingular() throws Exception {
        String permitted = SyntheticNhsNumbers.permitted(SyntheticNhsNumbers.valid(3100, 50)).get(0);
        drop("one.csv", permitted + "\n9.99E+09\n" + permitted + "\n");

        MimeMessage mail = awaitMail();
        String text = Mails.text(mail).replace('\n', ' ');
        assertTrue(text.contains("The invalid row is not checked and not in the result. Its line number: 2. It looks"
                + " changed by a spreadsheet"), text);
        assertTrue(text.contains("lists the 1 NHS number that may be used"), text);
        assertFalse(text.contains("...."), text);
    }

    @Test
    void aLongListSaysHowManyMore() throws Exception {
        List<String> rows = new ArrayList<>(SyntheticNhsNumbers.valid(3200, 1));
        for (int i = 0; i < 25; i++) {
            rows.add("12345");                                  // lines 2..26
        }
        drop("many.csv", lines(rows));

        MimeMessage mail = awaitMail();
        String text = Mails.text(mail).replace('\n', ' ');
        assertTrue(text.contains("Line numbers of the first 20: 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,"
                + " 17, 18, 19, 20, 21; 5 more are not listed."), text);
        assertFalse(text.contains("...."), text);
    }
}
