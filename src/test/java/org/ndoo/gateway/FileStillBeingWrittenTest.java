package org.ndoo.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A file written slowly in place (no temporary name) is read only once the writer has finished. */
class FileStillBeingWrittenTest extends GatewayTestSupport {

    @Override
    protected void override(Properties properties) {
        // well above the writer's 150 ms pauses, so that a slow CI machine cannot make the file look finished
        properties.setProperty("gateway.inbox.read-lock-min-age", "1000");
    }

    @Test
    void onlyTheCompleteFileIsRead() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(1000, 60);
        Path file = Files.createDirectories(inbox().resolve(SUBMITTER)).resolve("slow.csv");

        // a slow writer: 12 appends 150 ms apart, each younger than the 1 s read-lock minimum age
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < numbers.size(); i += 5) {
                append(file, lines(numbers.subList(i, i + 5)));
                pause(150);
            }
        });

        MimeMessage mail = awaitMail();
        writer.join();
        assertEquals(60, Mails.count(mail, "Rows read"));
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        assertEquals(1, MAIL.getReceivedMessages().length, "one submission, not several partial ones");
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
