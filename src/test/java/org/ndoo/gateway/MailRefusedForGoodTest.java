package org.ndoo.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.FaultySmtpServer;
import org.ndoo.gateway.support.FaultySmtpTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mail server that refuses the submitter's address for good (550) is not retried for a day: the operator is told
 * at once, without patient data, and the input is deleted.
 */
class MailRefusedForGoodTest extends FaultySmtpTestSupport {

    @Test
    void operatorIsToldAndTheInputDeleted() throws Exception {
        smtp.mode(FaultySmtpServer.Mode.PERMANENT_550);
        smtp.refuse(SUBMITTER);
        var numbers = SyntheticNhsNumbers.valid(9700, 10);
        Path input = drop("unreachable.csv", lines(numbers));

        Await.until("a notice accepted for the operator", Duration.ofSeconds(20), () -> !smtp.accepted().isEmpty());
        String notice = smtp.accepted().get(0);
        assertTrue(notice.contains("To: " + OPERATOR), "the notice goes to the operator");
        assertTrue(notice.contains("permanently refused the email to the submitter"), "it says what happened");
        numbers.forEach(n -> assertTrue(!notice.contains(n), "no NHS number in the notice"));
        awaitCleanedUp(input);
        Await.until("the audit record", Duration.ofSeconds(10), () -> !auditRecords().isEmpty());
        assertTrue(auditRecords().get(0).contains("\"outcome\":\"undeliverable\""), auditRecords().get(0));
        assertEquals(1, smtp.accepted().size());
        assertTrue(!Files.exists(input));
    }
}
