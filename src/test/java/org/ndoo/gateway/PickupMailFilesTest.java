package org.ndoo.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.PickupFolder;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the embedded defaults (pickup mail, sandbox lookup) the result is an .eml file any mail client opens, with
 * the response file attached.
 */
class PickupMailFilesTest extends GatewayTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.mail.transport", "pickup");
        properties.setProperty("gateway.lookup.type", "sandbox");
    }

    @Test
    void resultIsAnEmlFileInTheOutbox() throws Exception {
        Path outbox = root.resolve("outbox");
        List<String> numbers = SyntheticNhsNumbers.valid(1100, 12);
        Path input = drop("local.csv", lines(numbers));

        Await.until("an .eml file in the outbox", Duration.ofSeconds(20), () -> PickupFolder.emlFiles(outbox).size() == 1);
        Path eml = PickupFolder.emlFiles(outbox).get(0);
        MimeMessage mail = PickupFolder.read(eml);
        assertEquals(SUBMITTER, Mails.to(mail));
        assertTrue(mail.getSubject().startsWith("NDOO check result: local.csv"), mail.getSubject());
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        assertTrue(lookup.requests().isEmpty(), "the sandbox answers in-process");
        awaitCleanedUp(input);
        assertEquals(0, MAIL.getReceivedMessages().length, "nothing goes to SMTP");
    }
}
