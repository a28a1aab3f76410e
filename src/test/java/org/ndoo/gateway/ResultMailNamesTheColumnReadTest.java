package org.ndoo.gateway;

import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every result email says which column was read: its position and header, or that the file has no header row. */
class ResultMailNamesTheColumnReadTest extends GatewayTestSupport {

    /** header row (empty for none) | where the numbers are (0-based) | what the email says. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "'id;Clinic;NHS No'   | 2 | 'column 3, \"NHS No\"'",
            "''                   | 0 | 'column 1, no header row'",
            "''                   | 1 | 'column 2, no header row'",
            "'Patient;Clinic'     | 0 | 'column 1, \"Patient\"'"})
    void emailNamesTheColumn(String header, int column, String expected) throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(2500, 5);
        StringBuilder csv = new StringBuilder(header.isEmpty() ? "" : header + "\n");
        for (String number : numbers) {
            String[] cells = {"R1", "Ward 4", "x"};
            cells[column] = number;
            csv.append(String.join(";", cells)).append('\n');
        }
        java.nio.file.Path input = drop("extract.csv", csv.toString());

        MimeMessage mail = awaitMail();
        awaitCleanedUp(input);
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        String text = Mails.text(mail).replaceAll(" +", " ");
        assertTrue(text.contains("NHS numbers read from: " + expected + "\n"), text);
    }
}
