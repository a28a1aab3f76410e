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

/**
 * A file with several columns that look like the NHS number, none headed exactly as one, is not guessed at: the
 * submitter gets a notice naming the candidate columns (header and position) and asking to leave one.
 */
class AmbiguousNhsNumberColumnsAreRefusedTest extends GatewayTestSupport {

    @Test
    void noticeNamesTheCandidateColumns() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(2100, 6);
        StringBuilder csv = new StringBuilder("record,Mother NHS Number,NHS_No (GP)\n");
        for (int i = 0; i < 3; i++) {
            csv.append(i).append(',').append(numbers.get(2 * i)).append(',').append(numbers.get(2 * i + 1)).append('\n');
        }
        Path input = drop("births.csv", csv.toString());

        MimeMessage notice = awaitMail();
        String text = Mails.text(notice);
        assertEquals(SUBMITTER, Mails.to(notice));
        assertTrue(notice.getSubject().startsWith("NDOO check failed: births.csv"), notice.getSubject());
        assertTrue(text.contains("The file has 2 columns that could hold the NHS number: \"Mother NHS Number\""
                + " (column 2) and \"NHS_No (GP)\" (column 3)."), text);
        assertTrue(text.contains("Leave only the column to check"), text);
        assertFalse(Mails.hasAttachment(notice));
        numbers.forEach(n -> assertFalse(text.contains(n), "the notice quotes no number"));
        awaitCleanedUp(input);
        assertTrue(lookup.requests().isEmpty(), "nothing was sent to the lookup");
    }
}
