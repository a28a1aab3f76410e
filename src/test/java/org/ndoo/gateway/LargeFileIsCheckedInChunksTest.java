package org.ndoo.gateway;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 250,001 numbers go to the lookup in chunks of at most 100,000 and come back as one exact, zipped result. */
class LargeFileIsCheckedInChunksTest extends GatewayTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.result.zip-above-bytes", "1000000");
    }

    @Test
    void threeLookupsOneExactResult() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(0, 250_001);
        drop("population.csv", lines(numbers));

        MimeMessage mail = awaitMail();
        int[] sizes = lookupRequestSizes();
        Arrays.sort(sizes);
        assertArrayEquals(new int[] {50_001, 100_000, 100_000}, sizes, describe(sizes));

        Mails.Attachment attachment = Mails.attachment(mail);
        assertEquals("population-permitted.zip", attachment.fileName());
        List<String> expected = SyntheticNhsNumbers.permitted(numbers);
        assertSameNumbers(expected, attachment.numbers());
        assertEquals(250_001, Mails.count(mail, "Checked"));
        assertEquals(expected.size(), Mails.count(mail, "Permitted (in the attachment)"));
        assertTrue(Mails.count(mail, "Withheld") > 13_000, "about 1 in 19 numbers is opted out in the test register");
    }
}
