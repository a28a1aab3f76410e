package org.ndoo.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file the gateway cannot use ends in a failure notice to the submitter that says why, and is deleted. */
class UnusableFilesGetAClearNoticeTest extends GatewayTestSupport {

    /** File name | content (\\n for a line end) | what the notice must say. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "list.xlsx|PK binary|use 'Save as' CSV",
        "all-invalid.csv|1234567890\\n9990000019\\n12345|None of the 3 rows holds a valid NHS number",
        "header-only.csv|nhs_number\\n|The file holds no NHS numbers",
        "excel.csv|9.99E+09\\n9.99E+09\\n|look changed by a spreadsheet"
    })
    void noticeSaysWhy(String fileName, String content, String reason) throws Exception {
        Path input = drop(SUBMITTER, fileName, content.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8));

        MimeMessage notice = awaitMail();
        assertEquals(SUBMITTER, Mails.to(notice));
        assertTrue(notice.getSubject().startsWith("NDOO check failed: " + fileName), notice.getSubject());
        assertTrue(Mails.text(notice).contains(reason), Mails.text(notice));
        assertTrue(Mails.text(notice).contains("What to do"), Mails.text(notice));
        awaitCleanedUp(input);
        assertTrue(lookup.requests().isEmpty(), "nothing was sent to the lookup");
    }
}
