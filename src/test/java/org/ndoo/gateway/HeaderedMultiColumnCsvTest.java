package org.ndoo.gateway;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** In a CSV with a header row and several columns, the NHS numbers are read from the column named for them. */
class HeaderedMultiColumnCsvTest extends GatewayTestSupport {

    @Test
    void numbersAreTakenFromTheNhsNumberColumn() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(100, 30);
        StringBuilder csv = new StringBuilder("Record ID;Clinic;\"NHS Number\";Postcode\n");
        for (int i = 0; i < numbers.size(); i++) {
            String number = i % 3 == 0 ? SyntheticNhsNumbers.spaced(numbers.get(i)) : numbers.get(i);
            csv.append(7000 + i).append(";\"Clinic; ward ").append(i % 4).append("\";").append(number)
                    .append(";ZZ99 3ZZ\n");
        }
        drop("extract.csv", csv.toString());

        MimeMessage mail = awaitMail();
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        assertEquals(30, Mails.count(mail, "Rows read"));
        assertEquals(0, Mails.count(mail, "Invalid rows"));
    }
}
