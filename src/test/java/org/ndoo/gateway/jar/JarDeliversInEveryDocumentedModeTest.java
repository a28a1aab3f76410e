package org.ndoo.gateway.jar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ndoo.gateway.lookup.SandboxRegistry;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.LookupServer;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.MeshTestMailbox;
import org.ndoo.gateway.support.MeshTestServer;
import org.ndoo.gateway.support.SftpTestServer;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar target/ndoo-gateway.jar} in each documented combination (lookup sandbox, http, mesh against the
 * in-repo MESH server; mail to the pickup folder or by SMTP; an SFTP source): one JVM each, one small file of 999-range
 * numbers, and the exact result mail (recipient, subject, attachment). The ready line names the mode; the log holds no
 * terminal colour codes. Mesh mode did not start from the jar before (no camel-timer in it).
 */
class JarDeliversInEveryDocumentedModeTest extends JarTestSupport {

    private static final String LOOKUP_TOKEN = "jar-test-token";

    private static LookupServer lookup;
    private static MeshTestServer mesh;
    private static SftpTestServer sftp;
    private static Path sftpRoot;

    enum Mode { SANDBOX_PICKUP, HTTP_SMTP, MESH_SMTP, SFTP_SANDBOX_SMTP }

    @BeforeAll
    static void startEdges() throws IOException {
        lookup = new LookupServer(new SandboxRegistry(register.toString()), LOOKUP_TOKEN);
        mesh = MeshTestMailbox.start(100);
        mesh.optOutService().replyAfter(Duration.ofMillis(100));
        sftpRoot = Files.createDirectories(root.resolve("sftp-root/outgoing")).getParent();
        sftp = SftpTestServer.startForGateway(sftpRoot, root);
    }

    @AfterAll
    static void stopEdges() throws IOException {
        lookup.close();
        mesh.close();
        sftp.close();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theJarAnswersOneSmallFile(Mode mode) throws Exception {
        Path dir = newDir();
        Map<String, String> settings = settings(dir);
        String lookupWords = configure(mode, settings);
        GatewayProcess gateway = startJar(settings, dir);

        String ready = readyLine(gateway);
        assertTrue(ready.contains("watching inbox " + logged(dir.resolve("inbox"))), ready);
        assertTrue(ready.contains("; lookup " + lookupWords), ready);
        assertTrue(ready.contains(mode == Mode.SANDBOX_PICKUP ? "; mail to the pickup folder " + logged(dir.resolve("outbox"))
                : "; mail by SMTP to 127.0.0.1:" + MAIL.getSmtp().getPort()), ready);

        List<String> numbers = SyntheticNhsNumbers.valid(0, 20);
        if (mode == Mode.SFTP_SANDBOX_SMTP) {
            assertTrue(ready.contains(" and SFTP warehouse (127.0.0.1:" + sftp.port() + " outgoing)"), ready);
            upload(SUBMITTER + "/cohort.csv", lines(numbers));
        } else {
            drop(dir.resolve("inbox"), SUBMITTER, "cohort.csv", lines(numbers));
        }
        MimeMessage mail = mode == Mode.SANDBOX_PICKUP ? awaitPickupMail(dir.resolve("outbox")) : awaitSmtpMail();

        assertEquals(SUBMITTER, Mails.to(mail));
        assertTrue(mail.getSubject().matches("NDOO check result: cohort\\.csv \\(NDOO-[0-9A-Za-z-]+\\)"),
                mail.getSubject());
        Mails.Attachment attachment = Mails.attachment(mail);
        assertEquals("cohort-permitted.csv", attachment.fileName());
        List<String> permitted = SyntheticNhsNumbers.permitted(numbers);
        assertEquals(19, permitted.size(), "one of the 20 is opted out in the test register");
        // compared whole, but never printed: numbers stay out of test output
        assertTrue(("nhs_number\n" + lines(permitted)).equals(attachment.csv()),
                "the attachment is the header and the 19 permitted numbers in input order, LF");
        assertFalse(gateway.log().contains("\u001b"), "no terminal colour codes in the log");
    }

    /** Sets the mode's lookup, mail and source; returns how the ready line must name the lookup. */
    private static String configure(Mode mode, Map<String, String> s) {
        if (mode != Mode.SANDBOX_PICKUP) {
            smtp(s);
        }
        switch (mode) {
            case HTTP_SMTP -> {
                s.put("gateway.lookup.type", "http");
                s.put("gateway.lookup.http.url", lookup.url());
                s.put("gateway.lookup.http.token", LOOKUP_TOKEN);
                return "http " + lookup.url();
            }
            case MESH_SMTP -> {
                s.putAll(MeshTestMailbox.settings(mesh));
                return "mesh (mailbox " + MeshTestMailbox.ID + " at " + mesh.baseUrl() + ")";
            }
            case SFTP_SANDBOX_SMTP -> {
                s.putAll(sftp.warehouseSource("outgoing"));
            }
            default -> {
            }
        }
        return "sandbox (register " + logged(register) + ")";
    }

    private static void upload(String remotePath, String content) throws IOException {
        Path target = sftpRoot.resolve("outgoing").resolve(remotePath);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.writeString(partial, content);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
