package org.ndoo.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.PickupFolder;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With mail to the pickup folder, a failure that tells both the submitter and the operator (the lookup refusing the
 * gateway's credentials) leaves two .eml files, one for each: the second never overwrites the first.
 */
class PickupFolderKeepsEveryNoticeTest extends GatewayTestSupport {

    @Override
    protected void override(Properties properties) {
        properties.setProperty("gateway.mail.transport", "pickup");
    }

    @Test
    void submitterAndOperatorNoticesAreTwoFiles() throws Exception {
        lookup.failNext(401, 10);
        Path outbox = root.resolve("outbox");
        Path input = drop("refused.csv", lines(SyntheticNhsNumbers.valid(8100, 5)));

        awaitCleanedUp(input);
        Await.until("two .eml files in the outbox", Duration.ofSeconds(20),
                () -> PickupFolder.emlFiles(outbox).size() == 2);
        List<Path> files = PickupFolder.emlFiles(outbox);
        Path operatorFile = files.stream().filter(f -> f.getFileName().toString().endsWith("-operator.eml"))
                .findFirst().orElseThrow(() -> new AssertionError("no <reference>-operator.eml in " + files));
        String reference = operatorFile.getFileName().toString().replace("-operator.eml", "");
        Path submitterFile = outbox.resolve(reference + ".eml");
        assertTrue(files.contains(submitterFile), "the submitter's notice is <reference>.eml: " + files);
        MimeMessage submitter = PickupFolder.read(submitterFile);
        MimeMessage operator = PickupFolder.read(operatorFile);
        assertEquals(SUBMITTER, Mails.to(submitter));
        assertTrue(submitter.getSubject().startsWith("NDOO check failed: refused.csv"), submitter.getSubject());
        assertEquals(OPERATOR, Mails.to(operator));
        assertTrue(operator.getSubject().contains(reference), operator.getSubject());
    }
}
