package org.ndoo.gateway;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Named pipes, Unix-domain sockets and devices in the inbox (in the root, in a submitter folder and deeper down) are
 * never opened: each is left in place and told to the operator once, however many scans see it, while normal files
 * beside them get their results as usual. (Opening a pipe with no writer would hold a submission thread for ever.)
 */
class PipesSocketsAndDevicesInTheInboxAreSkippedWithOneOperatorNoticeTest extends GatewayTestSupport {

    @Test
    void eachSpecialEntryIsToldOnceAndLeftInPlace() throws Exception {
        Path folder = Files.createDirectories(inbox().resolve(SUBMITTER));
        Path deeper = Files.createDirectories(folder.resolve("exports"));
        List<Path> pipes = List.of(mkfifo(inbox().resolve("root-pipe.csv")), mkfifo(folder.resolve("pipe.csv")),
                mkfifo(deeper.resolve("deep-pipe.csv")));
        Path socketFile = folder.resolve("socket.csv");
        try (ServerSocketChannel socket = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(socketFile));
            List<String> numbers = SyntheticNhsNumbers.valid(31_000, 8);
            Path normal = drop(SUBMITTER, "normal.csv", lines(numbers).getBytes(StandardCharsets.US_ASCII));

            MimeMessage[] mails = awaitMails(5);
            List<MimeMessage> notices = toOperator(mails);
            assertEquals(4, notices.size(), "one operator notice per pipe or socket");
            String all = String.join("\n", notices.stream().map(PipesSocketsAndDevicesInTheInboxAreSkippedWithOneOperatorNoticeTest::text).toList());
            for (Path special : List.of(pipes.get(0), pipes.get(1), pipes.get(2), socketFile)) {
                // the whole path, digit runs masked (the test's temporary folder has one)
                String named = "/inbox/" + inbox().relativize(special) + "\n";
                assertTrue(all.contains(named), "a notice names " + named + ":\n" + all);
            }
            assertEquals(3, count(all, "It is a named pipe (FIFO), not a file"), all);
            assertEquals(1, count(all, "It is a socket, not a file"), all);
            assertFalse(all.contains("unavailable"), "the lookup and the mail server are not blamed:\n" + all);
            notices.forEach(n -> assertTrue(subject(n).contains("inbox entry skipped"), subject(n)));
            MimeMessage result = Arrays.stream(mails).filter(m -> !notices.contains(m)).findFirst().orElseThrow();
            assertEquals(SUBMITTER, Mails.to(result));
            assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(result).numbers());
            awaitCleanedUp(normal);

            // many scans later (a second file's whole submission), still one notice each
            Path later = drop(SUBMITTER, "later.csv", lines(numbers).getBytes(StandardCharsets.US_ASCII));
            awaitMails(6);
            awaitCleanedUp(later);
            assertEquals(4, toOperator(MAIL.getReceivedMessages()).size(), "no notice repeated at later scans");
            pipes.forEach(p -> assertTrue(Files.exists(p, LinkOption.NOFOLLOW_LINKS), p + " left in place"));
            assertTrue(Files.exists(socketFile, LinkOption.NOFOLLOW_LINKS), "the socket is left in place");
        }
    }

    @Test
    void aDeviceIsToldOnceAndLeftInPlace() throws Exception {
        Path device = inbox().resolve(SUBMITTER).resolve("device.csv");
        Files.createDirectories(device.getParent());
        // a character device like /dev/zero: read, it would never end; creating one needs root (CAP_MKNOD)
        boolean created = new ProcessBuilder("mknod", device.toString(), "c", "1", "5").start().waitFor() == 0;
        org.junit.jupiter.api.Assumptions.assumeTrue(created, "mknod is not permitted here (not root, or no"
                + " CAP_MKNOD): the device case is skipped, not passed");
        List<String> numbers = SyntheticNhsNumbers.valid(31_500, 4);
        Path normal = drop(SUBMITTER, "normal.csv", lines(numbers).getBytes(StandardCharsets.US_ASCII));

        MimeMessage[] mails = awaitMails(2);
        List<MimeMessage> notices = toOperator(mails);
        assertEquals(1, notices.size());
        String text = text(notices.get(0));
        assertTrue(text.contains("/inbox/" + SUBMITTER + "/device.csv\n"), text);
        assertTrue(text.contains("It is a device or other special file, not a file"), text);
        awaitCleanedUp(normal);
        assertTrue(Files.exists(device, LinkOption.NOFOLLOW_LINKS), "the device is left in place");
        assertEquals(2, MAIL.getReceivedMessages().length);
    }

    private static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo " + path);
        return path;
    }

    private static List<MimeMessage> toOperator(MimeMessage[] mails) {
        return Arrays.stream(mails).filter(m -> {
            try {
                return Mails.to(m).equals(OPERATOR);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static String text(MimeMessage mail) {
        try {
            return Mails.text(mail);
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
