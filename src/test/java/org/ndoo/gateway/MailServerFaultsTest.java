package org.ndoo.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.FaultySmtpServer.Mode;
import org.ndoo.gateway.support.FaultySmtpTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While the mail server refuses connections, answers 421, or drops the connection during DATA, the input stays
 * where it was dropped and is tried again; once the server is back, the result is delivered, once.
 */
class MailServerFaultsTest extends FaultySmtpTestSupport {


    @Override
    protected void overrideMail(Properties properties) {
        properties.setProperty("gateway.retry.attempts", "1");
        properties.setProperty("gateway.retry.resubmit-first-delay", "300ms");
        properties.setProperty("gateway.retry.resubmit-max-delay", "600ms");
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"REFUSE", "TEMPORARY_421", "DROP_DURING_DATA"})
    void resultIsDeliveredOnceTheMailServerIsBack(Mode fault) throws Exception {
        smtp.mode(fault);
        int before = smtp.connections();
        List<String> numbers = SyntheticNhsNumbers.valid(8000 + fault.ordinal() * 100, 12);
        Path input = drop("while-" + fault.name().toLowerCase() + ".csv", lines(numbers));

        Await.until("the gateway tried the mail server again after a failure", Duration.ofSeconds(30),
                () -> smtp.connections() - before >= 3);
        assertTrue(Files.exists(input), "the input stays while mail cannot be sent");
        assertEquals(0, MAIL.getReceivedMessages().length);

        smtp.mode(Mode.PASS);
        MimeMessage mail = awaitMail();
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        awaitCleanedUp(input);
        assertEquals(1, MAIL.getReceivedMessages().length, "delivered once");
    }
}
