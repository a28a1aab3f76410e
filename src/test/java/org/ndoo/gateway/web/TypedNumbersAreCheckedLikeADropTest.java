package org.ndoo.gateway.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Numbers typed into the check form (spaced, a duplicate, an invalid one; new lines, commas, semicolons, spaces) are
 * read like a drop: the page answers at once with the reference and never shows a number back, the result mail goes
 * to the signed-in address with the permitted numbers, and the work area is empty after.
 */
class TypedNumbersAreCheckedLikeADropTest extends WebTestSupport {

    @Test
    void typedNumbersEndInTheResultMail() throws Exception {
        List<String> valid = SyntheticNhsNumbers.valid(700, 6);
        String typed = SyntheticNhsNumbers.spaced(valid.get(0)) + "\n" + valid.get(1) + ", " + valid.get(2)
                + "; " + valid.get(3) + " " + SyntheticNhsNumbers.spaced(valid.get(4)) + "\t" + valid.get(5)
                + "\n" + valid.get(1) + "\n12345\n";
        String cookie = signIn(SUBMITTER);
        String csrf = csrf(get("/check", cookie).body());

        HttpResponse<String> answer = postMultipart("/check", cookie, Map.of("csrf", csrf, "numbers", typed), null, null);
        assertEquals(200, answer.statusCode(), answer.body());
        Matcher ref = Pattern.compile("(NDOO-[0-9]{8}-[0-9]{6}-[A-Z0-9]{5})").matcher(answer.body());
        assertTrue(ref.find(), answer.body());
        assertTrue(answer.body().contains("href=\"/checks/" + ref.group(1) + "\""), answer.body());
        assertFalse(holdsAny(answer.body(), valid), "typed numbers are never shown back");

        MimeMessage result = awaitMails(2)[1];
        assertEquals(SUBMITTER, Mails.to(result));
        assertTrue(result.getSubject().contains(ref.group(1)), result.getSubject());
        assertEquals(8, Mails.count(result, "Rows read"));
        assertEquals(7, Mails.count(result, "Valid NHS numbers"));
        assertEquals(1, Mails.count(result, "Invalid rows"));
        assertEquals(1, Mails.count(result, "Duplicates removed"));
        assertSameNumbers(SyntheticNhsNumbers.permitted(new ArrayList<>(valid)), Mails.attachment(result).numbers());
        awaitCleanedUp(inbox().resolve("nothing-dropped"));
        assertTrue(auditRecords().stream().anyMatch(r -> r.contains(ref.group(1)) && r.contains("\"source\":\"web\"")
                && r.contains("\"delivered\"")), auditRecords().toString());
    }
}
