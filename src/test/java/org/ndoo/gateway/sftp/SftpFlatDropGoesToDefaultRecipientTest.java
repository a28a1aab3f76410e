package org.ndoo.gateway.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SftpTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A system that drops files flat into the remote folder gets its results at the source's default recipient. */
class SftpFlatDropGoesToDefaultRecipientTest extends SftpTestSupport {

    @Test
    void flatFileIsAnsweredToTheDefaultRecipient() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(3100, 20);
        Path remote = upload("extract-0001.dat", numbers.stream().map(n -> n + ",\n").reduce("", String::concat));

        MimeMessage mail = awaitMail();
        assertEquals(DEFAULT_RECIPIENT, Mails.to(mail));
        assertEquals("extract-0001-permitted.csv", Mails.attachment(mail).fileName());
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        Await.until("remote file deleted", Duration.ofSeconds(20), () -> !Files.exists(remote));
    }
}
