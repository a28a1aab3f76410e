package org.ndoo.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
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

        Await.until("an .eml file in the outbox", Duration.ofSeconds(20), () -> emlFiles(outbox).size() == 1);
        Path eml = emlFiles(outbox).get(0);
        MimeMessage mail;
        try (InputStream in = Files.newInputStream(eml)) {
            mail = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertEquals(SUBMITTER, Mails.to(mail));
        assertTrue(mail.getSubject().startsWith("NDOO check result: local.csv"), mail.getSubject());
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        assertTrue(lookup.requests().isEmpty(), "the sandbox answers in-process");
        awaitCleanedUp(input);
        assertEquals(0, MAIL.getReceivedMessages().length, "nothing goes to SMTP");
    }

    private static List<Path> emlFiles(Path outbox) {
        if (!Files.exists(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml")
                    && !f.getFileName().toString().startsWith(".")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
