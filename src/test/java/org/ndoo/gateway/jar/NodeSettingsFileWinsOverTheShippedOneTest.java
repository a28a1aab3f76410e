package org.ndoo.gateway.jar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.PickupFolder;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node's own settings file, as {@code deploy/ndoo-gateway.service} gives it: the jar started with nothing but
 * {@code -Dcamel.main.override-properties-location=file:<node.properties>} takes its folders and ports from that file,
 * over {@code config/application.properties}, while a {@code -D} option still wins over the file (README, "Running
 * two nodes"). The file names one pickup folder and {@code -D} another: the result lands in the one {@code -D} names.
 */
class NodeSettingsFileWinsOverTheShippedOneTest extends JarTestSupport {

    @Test
    void theJarReadsItsFoldersFromTheNodeFile() throws Exception {
        Path dir = newDir();
        Map<String, String> fromFile = settings(dir);
        fromFile.put("gateway.mail.pickup-dir", dir.resolve("outbox-named-in-the-file").toString());
        Path nodeFile = dir.resolve("node.properties");
        Files.writeString(nodeFile, fromFile.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n", "# this node's settings\n", "\n")));
        Path outbox = dir.resolve("outbox-named-by-D");

        GatewayProcess gateway = startJar(Map.of(
                "camel.main.override-properties-location", "file:" + nodeFile,
                "gateway.mail.pickup-dir", outbox.toString(),
                "gateway.audit.file", fromFile.get("gateway.audit.file")), dir);

        String ready = readyLine(gateway);
        assertTrue(ready.contains("watching inbox " + logged(dir.resolve("inbox"))), "the file's inbox: " + ready);
        assertTrue(ready.contains("; mail to the pickup folder " + logged(outbox)), "-D's pickup folder: " + ready);
        List<String> numbers = SyntheticNhsNumbers.valid(0, 5);
        drop(dir.resolve("inbox"), SUBMITTER, "cohort.csv", lines(numbers));
        MimeMessage mail = awaitPickupMail(outbox);
        assertEquals(SUBMITTER, Mails.to(mail));
        assertEquals("cohort-permitted.csv", Mails.attachment(mail).fileName());
        assertTrue(PickupFolder.emlFiles(dir.resolve("outbox-named-in-the-file")).isEmpty(),
                "nothing in the pickup folder the file named, as -D wins over it");
    }
}
