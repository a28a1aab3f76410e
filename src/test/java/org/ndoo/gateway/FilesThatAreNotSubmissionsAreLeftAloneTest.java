package org.ndoo.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hidden files, Office lock files, partial uploads and symbolic links (to a file or a folder outside the inbox) are
 * never read or deleted; the real file beside them is processed as usual.
 */
class FilesThatAreNotSubmissionsAreLeftAloneTest extends GatewayTestSupport {

    @Test
    void onlyTheRealFileIsProcessed() throws Exception {
        String content = lines(SyntheticNhsNumbers.valid(2000, 5));
        Path folder = Files.createDirectories(inbox().resolve(SUBMITTER));
        List<Path> ignored = List.of(
                Files.writeString(folder.resolve(".hidden.csv"), content),
                Files.writeString(folder.resolve("~$cohort.csv"), content),
                Files.writeString(folder.resolve("upload.csv.part"), content),
                Files.writeString(folder.resolve("upload.tmp"), content));
        Path outside = Files.createDirectories(root.resolve("outside"));
        Path secret = Files.writeString(outside.resolve("elsewhere.csv"), content);
        Path fileLink = Files.createSymbolicLink(folder.resolve("linked.csv"), secret);
        Files.createSymbolicLink(inbox().resolve("linked@nhs.net"), outside);

        Path real = drop(SUBMITTER, "real.csv", content.getBytes(StandardCharsets.UTF_8));

        MimeMessage mail = awaitMail();
        assertTrue(mail.getSubject().contains("real.csv"), mail.getSubject());
        awaitCleanedUp(real);
        assertEquals(1, MAIL.getReceivedMessages().length, "only the real file is a submission");
        assertEquals(1, lookup.requests().size());
        ignored.forEach(p -> assertTrue(Files.exists(p), p + " must be left alone"));
        assertTrue(Files.isSymbolicLink(fileLink), "the link is left alone");
        assertTrue(Files.exists(secret), "nothing outside the inbox is deleted");
    }
}
