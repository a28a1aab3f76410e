package org.ndoo.gateway;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Among several columns that look like the NHS number ({@code Mother NHS Number}, {@code NHS Number},
 * {@code NHS_No (GP)}), the one headed exactly as an NHS number is read, and the result email says which.
 */
class ExactNhsNumberHeaderWinsAmongSeveralTest extends GatewayTestSupport {

    @Test
    void theExactlyNamedColumnIsReadAndNamed() throws Exception {
        List<String> mothers = SyntheticNhsNumbers.valid(2200, 12);
        List<String> babies = SyntheticNhsNumbers.valid(2300, 12);
        List<String> gp = SyntheticNhsNumbers.valid(2400, 12);
        StringBuilder csv = new StringBuilder("Mother NHS Number,NHS Number,NHS_No (GP)\n");
        for (int i = 0; i < babies.size(); i++) {
            csv.append(mothers.get(i)).append(',').append(babies.get(i)).append(',').append(gp.get(i)).append('\n');
        }
        drop("births.csv", csv.toString());

        MimeMessage mail = awaitMail();
        assertSameNumbers(SyntheticNhsNumbers.permitted(babies), Mails.attachment(mail).numbers());
        assertEquals(12, Mails.count(mail, "Checked"));
        String text = Mails.text(mail).replaceAll(" +", " ");
        assertTrue(text.contains("NHS numbers read from: column 2, \"NHS Number\"\n"), text);
    }
}
