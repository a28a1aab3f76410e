package org.ndoo.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A quote opened near the top of a large file and never closed: with the gateway's normal settings (lines up to
 * {@code gateway.inbox.max-line-length} = 10,000 characters, inside quotes too) the notice says the CSV cannot be read
 * from that line, without the parser buffering the rest of the file, and the next file is answered as usual.
 */
class UnclosedQuoteIsRefusedWithItsLineTest extends GatewayTestSupport {

    private static final int MEGABYTES = 40;

    @Test
    void noticeNamesTheLineAndTheNextFileIsServed() throws Exception {
        Path input = writeLargeFileWithUnclosedQuote(inbox().resolve(SUBMITTER), "extract.csv");

        MimeMessage notice = awaitMail();
        String text = Mails.text(notice);
        assertTrue(notice.getSubject().startsWith("NDOO check failed: extract.csv"), notice.getSubject());
        assertTrue(text.contains("The file cannot be read as CSV from line 4: a quoted field starting there runs on"
                + " for more than 10,000 characters without its closing quote"), text);
        awaitCleanedUp(input);

        List<String> numbers = SyntheticNhsNumbers.valid(2800, 5);
        Path next = drop("next.csv", lines(numbers));
        MimeMessage result = awaitMails(2)[1];
        assertTrue(result.getSubject().startsWith("NDOO check result: next.csv"), result.getSubject());
        assertEquals(5, Mails.count(result, "Checked"));
        awaitCleanedUp(next);
    }

    /** {@code nhs_number}, two rows, a row opening a quote on line 4, then 40 MB of ordinary rows. */
    private static Path writeLargeFileWithUnclosedQuote(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path partial = folder.resolve("." + name + ".part");
        List<String> top = SyntheticNhsNumbers.valid(2900, 3);
        byte[] block = (SyntheticNhsNumbers.valid(2910, 1).get(0) + "\n").repeat(1 << 16)
                .getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(partial)) {
            out.write(("nhs_number\n" + top.get(0) + "\n" + top.get(1) + "\n\"" + top.get(2) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < MEGABYTES * 1_000_000L; written += block.length) {
                out.write(block);
            }
        }
        return Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
