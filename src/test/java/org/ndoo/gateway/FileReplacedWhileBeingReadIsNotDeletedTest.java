package org.ndoo.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file renamed over an input while the gateway is checking it (a new file, new inode, at the same path) is never
 * deleted with the input it replaced: the first result goes out, the replacement stays in the inbox and is then
 * checked as its own submission, with its own reference and result.
 */
class FileReplacedWhileBeingReadIsNotDeletedTest extends GatewayTestSupport {

    @Test
    void theReplacementIsKeptAndAnsweredOnItsOwn() throws Exception {
        List<String> original = SyntheticNhsNumbers.valid(34_000, 12);
        List<String> replacement = SyntheticNhsNumbers.valid(34_500, 5);
        lookup.holdFromRequest(1);
        Path input = drop("weekly.csv", lines(original));
        Await.until("the original read and its lookup request held", Duration.ofSeconds(20),
                () -> lookup.held() == 1);

        // the writer of the replacement renames it over the input, as copy tools do
        Path partial = input.resolveSibling(".weekly.csv.part");
        Files.writeString(partial, lines(replacement), StandardCharsets.US_ASCII);
        Files.move(partial, input, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Object replacementKey = Files.readAttributes(input, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        lookup.release();
        lookup.holdFromRequest(2); // the replacement's own check waits, so that the test can look at the inbox

        MimeMessage first = awaitMail();
        assertSameNumbers(SyntheticNhsNumbers.permitted(original), Mails.attachment(first).numbers());
        Await.until("the replacement read and its lookup request held", Duration.ofSeconds(20),
                () -> lookup.requests().size() == 2 && lookup.held() == 1);
        assertTrue(Files.exists(input), "the replacement was not deleted with the input it replaced");
        assertEquals(replacementKey, Files.readAttributes(input, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey(), "the file in the inbox is still the replacement");

        Path beside = drop("analyst2@nhs.net", "beside.csv", lines(original).getBytes(StandardCharsets.US_ASCII));
        lookup.release();
        MimeMessage[] mails = awaitMails(3);
        MimeMessage second = java.util.Arrays.stream(mails).filter(m -> subject(m).contains("weekly.csv") && m != first)
                .findFirst().orElseThrow();
        assertSameNumbers(SyntheticNhsNumbers.permitted(replacement), Mails.attachment(second).numbers());
        assertNotEquals(first.getSubject(), second.getSubject(), "the replacement has its own reference");
        awaitCleanedUp(input);
        awaitCleanedUp(beside);
        assertEquals(3, MAIL.getReceivedMessages().length);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
