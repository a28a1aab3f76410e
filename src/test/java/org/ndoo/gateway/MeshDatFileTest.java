package org.ndoo.gateway;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A MESH-style .dat file (one number per line, each followed by a comma) is read like a one-column CSV. */
class MeshDatFileTest extends GatewayTestSupport {

    @Test
    void datLinesAreRead() throws Exception {
        List<String> numbers = SyntheticNhsNumbers.valid(200, 25);
        String dat = numbers.stream().map(n -> n + ",\n").collect(Collectors.joining());
        drop("8HQ50OT001-230125-0001.dat", dat);

        MimeMessage mail = awaitMail();
        Mails.Attachment attachment = Mails.attachment(mail);
        assertEquals("8HQ50OT001-230125-0001-permitted.csv", attachment.fileName());
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), attachment.numbers());
        assertEquals(25, Mails.count(mail, "Rows read"));
    }
}
