package org.ndoo.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file (mode 000) and a submitter folder (mode 000) the gateway has no permission to read: the operator is told
 * once about each, naming the path with digit runs masked and without blaming the lookup or the mail server; both
 * are left in place; a normal file beside them gets its result. The gateway runs as its own JVM: as root it runs
 * without the capabilities that let root read anything (setpriv), so the permissions apply to it as to a service
 * account.
 */
class UnreadableFileOrFolderIsToldToTheOperatorOnceTest extends GatewayTestSupport {

    private static final String PERMISSIONS_RELEASED = "rwx------";

    @Override
    protected void override(java.util.Properties properties) {
        // this test's gateway is a separate JVM: the in-test one must not take its files
        properties.setProperty("gateway.inbox.dir", root.resolve("unused-inbox").toString());
    }

    /** Readable again, so that the inbox can be emptied for the next test. */
    @AfterEach
    void releasePermissions() throws IOException {
        try (var paths = Files.walk(inbox())) {
            for (Path p : paths.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(PERMISSIONS_RELEASED));
            }
        }
    }

    @Test
    void eachUnreadableEntryIsToldOnceAndLeftInPlace() throws Exception {
        List<String> launcher = launcherWithoutRootsPowers();
        context.stop();
        List<String> numbers = SyntheticNhsNumbers.valid(35_000, 6);
        String patientLikeDigits = SyntheticNhsNumbers.valid(35_100, 1).get(0);
        Path lockedFile = drop(SUBMITTER, "cohort-" + patientLikeDigits + ".csv", lines(numbers).getBytes(StandardCharsets.US_ASCII));
        Files.setPosixFilePermissions(lockedFile, PosixFilePermissions.fromString("---------"));
        Path lockedFolderFile = drop("locked@nhs.net", "list.csv", lines(numbers).getBytes(StandardCharsets.US_ASCII));
        Path lockedFolder = lockedFolderFile.getParent();
        Files.setPosixFilePermissions(lockedFolder, PosixFilePermissions.fromString("---------"));
        Path normal = drop(SUBMITTER, "normal.csv", lines(numbers).getBytes(StandardCharsets.US_ASCII));

        GatewayProcess gateway = GatewayProcess.start(launcher, processSettings(), root.resolve("unreadable-gateway.log"));
        try {
            MimeMessage[] mails = awaitMails(3);
            List<String> notices = Arrays.stream(mails).filter(m -> to(m).equals(OPERATOR)).map(this::text).toList();
            assertEquals(2, notices.size(), "one notice per unreadable entry: " + notices);
            String all = String.join("\n", notices);
            assertTrue(all.contains("/inbox/" + SUBMITTER + "/cohort-#########.csv\n"), all);
            assertFalse(all.contains(patientLikeDigits), "digit runs in the path are masked");
            assertTrue(all.contains("no permission to read this file"), all);
            assertTrue(all.contains("/inbox/locked@nhs.net\n"), all);
            assertTrue(all.contains("no permission to list this folder"), all);
            assertFalse(all.contains("unavailable"), "the lookup and the mail server are not blamed:\n" + all);
            MimeMessage result = Arrays.stream(mails).filter(m -> to(m).equals(SUBMITTER)).findFirst().orElseThrow();
            assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(result).numbers());
            awaitCleanedUp(normal);

            // many scans later (a second file's whole submission), still one notice each
            Path later = drop(SUBMITTER, "later.csv", lines(numbers).getBytes(StandardCharsets.US_ASCII));
            awaitMails(4);
            awaitCleanedUp(later);
            assertEquals(4, MAIL.getReceivedMessages().length, "no notice repeated at later scans");
        } finally {
            gateway.stop();
        }
        assertTrue(Files.exists(lockedFile), "the unreadable file is left in place");
        assertTrue(Files.exists(lockedFolder), "the unreadable folder is left in place");
    }

    /**
     * How to start a JVM that file permissions apply to: as is for an ordinary account; as root, through setpriv
     * without the capabilities to override them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH).
     */
    private static List<String> launcherWithoutRootsPowers() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").start();
        boolean root = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().equals("0");
        id.waitFor();
        if (!root) {
            return List.of();
        }
        List<String> setpriv = List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--");
        boolean available;
        try {
            List<String> check = new java.util.ArrayList<>(setpriv);
            check.add("true");
            available = new ProcessBuilder(check).start().waitFor() == 0;
        } catch (IOException e) {
            available = false;
        }
        Assumptions.assumeTrue(available, "The tests run as root, for whom mode 000 does not stop reading, and"
                + " 'setpriv --bounding-set' (util-linux) is not usable here to run the gateway without root's"
                + " file-permission capabilities: skipped, not passed");
        return setpriv;
    }

    @Override
    protected Map<String, String> processSettings() {
        Map<String, String> settings = super.processSettings();
        settings.put("gateway.inbox.dir", inbox().toString());
        return settings;
    }

    private static String to(MimeMessage mail) {
        try {
            return Mails.to(mail);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(MimeMessage mail) {
        try {
            return Mails.text(mail);
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
