package org.ndoo.gateway;

import java.util.List;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A result over {@code gateway.result.zip-above-bytes} is attached zipped, and the email says what the ZIP holds
 * ({@code <base>-permitted.csv}, its size) and why it was zipped (the limit, in bytes).
 */
class ZippedResultIsExplainedInTheMailTest extends GatewayTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.result.zip-above-bytes", "1000");
    }

    @Test
    void emailExplainsTheZip() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(3000, 200);
        drop("cohort.csv", lines(numbers));

        MimeMessage mail = awaitMail();
        Mails.Attachment attachment = Mails.attachment(mail);
        List<String> permitted = SyntheticNhsNumbers.permitted(numbers);
        assertEquals("cohort-permitted.zip", attachment.fileName());
        assertSameNumbers(permitted, attachment.numbers());
        String csvSize = String.format(java.util.Locale.UK, "%.1f KB", (11.0 + 11 * permitted.size()) / 1000);
        String text = Mails.text(mail).replace('\n', ' ');
        assertTrue(text.contains("The attached file cohort-permitted.zip is a ZIP archive holding one file,"
                + " cohort-permitted.csv (" + csvSize + "), which lists the " + permitted.size() + " NHS numbers that"
                + " may be used, in the order of your file."), text);
        assertTrue(text.contains("It was zipped because that file is larger than 1,000 bytes, the largest the gateway"
                + " sends unzipped (gateway.result.zip-above-bytes)."), text);
    }
}
