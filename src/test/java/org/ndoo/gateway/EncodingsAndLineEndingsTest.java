package org.ndoo.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ndoo.gateway.support.GatewayTestSupport;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A byte-order mark and any of LF, CRLF or CR line ends read the same. */
class EncodingsAndLineEndingsTest extends GatewayTestSupport {

    @ParameterizedTest(name = "BOM {0}, line end {1}")
    @CsvSource({"true,CRLF", "false,CR", "true,LF"})
    void sameNumbersWhateverTheEncoding(boolean bom, String lineEnd) throws Exception {
        String eol = switch (lineEnd) {
            case "CRLF" -> "\r\n";
            case "CR" -> "\r";
            default -> "\n";
        };
        List<String> numbers = SyntheticNhsNumbers.valid(300, 20);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        if (bom) {
            file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        StringBuilder text = new StringBuilder("nhs_number,note").append(eol);
        numbers.forEach(n -> text.append('"').append(n).append("\",\"seen, twice\"").append(eol));
        file.write(text.toString().getBytes(StandardCharsets.UTF_8));
        drop(SUBMITTER, "export.csv", file.toByteArray());

        MimeMessage mail = awaitMail();
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(mail).numbers());
        assertEquals(20, Mails.count(mail, "Rows read"));
        assertEquals(0, Mails.count(mail, "Invalid rows"));
    }
}
