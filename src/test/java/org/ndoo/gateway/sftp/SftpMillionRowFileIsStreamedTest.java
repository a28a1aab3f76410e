package org.ndoo.gateway.sftp;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SftpTestSupport;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 1,000,000-row file (11 MB) pushed over SFTP arrives whole, and while it is being checked the gateway holds no
 * more heap than while a 10-row file is being checked: the file is streamed to disk and read as a stream, never
 * held in memory.
 * <p>
 * How we know: each submission is held at its first lookup request; at that point the heap still in use after a
 * full garbage collection is measured. Holding the file in memory would add at least its 11 MB.
 */
class SftpMillionRowFileIsStreamedTest extends SftpTestSupport {

    private static final int ROWS = 1_000_000;
    /** The 999 range has only about 909,000 valid numbers: the file repeats the first 100,000 at its end. */
    private static final int DISTINCT = 900_000;

    @Override
    protected void overrideSftp(Properties properties) {
        properties.setProperty("gateway.lookup.chunk-size", "10000");
        properties.setProperty("gateway.result.zip-above-bytes", "1000000");
    }

    @Test
    void largeFileIsCheckedWithTheHeapOfASmallOne() throws Exception {
        Path staged = Files.writeString(root.resolve("staged-million.csv"), lines(SyntheticNhsNumbers.valid(0, DISTINCT))
                + lines(SyntheticNhsNumbers.valid(0, ROWS - DISTINCT)));
        long fileBytes = Files.size(staged);

        lookup.holdFromRequest(1);
        upload(SUBMITTER + "/small.csv", lines(SyntheticNhsNumbers.valid(0, 10)));
        long smallHeap = heapWhileHeldAtLookup(1);
        lookup.release();
        awaitMails(1);

        lookup.holdFromRequest(2);
        Path remote = sftpRoot.resolve("outgoing").resolve(SUBMITTER).resolve("million.csv");
        Files.move(staged, remote, StandardCopyOption.ATOMIC_MOVE);
        long largeHeap = heapWhileHeldAtLookup(2);
        lookup.release();

        long growth = largeHeap - smallHeap;
        System.out.printf("Heap in use while held at the lookup: 10-row file %,d bytes, %,d-row file %,d bytes"
                + " (file %,d bytes)%n", smallHeap, ROWS, largeHeap, fileBytes);
        assertTrue(growth < fileBytes / 2, "heap grew by " + growth + " bytes for a " + fileBytes + "-byte file");

        MimeMessage mail = awaitMails(2)[1];
        List<String> expected = SyntheticNhsNumbers.permitted(SyntheticNhsNumbers.valid(0, DISTINCT));
        assertEquals(ROWS, Mails.count(mail, "Rows read"));
        assertEquals(ROWS - DISTINCT, Mails.count(mail, "Duplicates removed"));
        assertSameNumbers(expected, Mails.attachment(mail).numbers());
        Await.until("remote file deleted", Duration.ofSeconds(30), () -> !Files.exists(remote));
    }

    /** Waits until the {@code n}th lookup request is being held, then measures the heap in use after a full GC. */
    private static long heapWhileHeldAtLookup(int n) {
        Await.until("lookup request " + n + " held", Duration.ofSeconds(60),
                () -> lookup.requests().size() >= n && lookup.held() >= 1);
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
