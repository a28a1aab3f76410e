package org.ndoo.gateway.web;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Mails;
import org.ndoo.gateway.support.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sign-in link goes only to one plain address in the allowed domains; every request gets the same page (no
 * account discovery), and each is audited.
 */
class SignInLinkGoesOnlyToAllowedAddressesTest extends WebTestSupport {

    @Test
    void anAllowedAddressGetsALinkAndOthersTheSameWordsWithoutMail() throws Exception {
        HttpResponse<String> form = get("/", null);
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("name=\"email\"") && form.body().contains("action=\"/sign-in\""), form.body());

        HttpResponse<String> refused = askForLink("someone@gmail.com");
        HttpResponse<String> twoAddresses = askForLink("a@nhs.net, b@nhs.net");
        HttpResponse<String> sent = askForLink(SUBMITTER);
        assertEquals(200, refused.statusCode());
        assertEquals(neutral(sent.body()), neutral(refused.body()), "the same words whether or not a link was sent");
        assertEquals(neutral(sent.body()), neutral(twoAddresses.body()));
        assertNull(cookieOf(sent), "asking for a link signs nobody in");

        MimeMessage[] mails = awaitMails(1);
        assertEquals(SUBMITTER, Mails.to(mails[0]));
        assertTrue(Mails.text(mails[0]).contains(web() + "/sign-in/"), "the link points at the front door");
        // nothing else arrives: the two refused requests sent nothing
        assertEquals(1, MAIL.getReceivedMessages().length);
        List<String> audit = auditRecords();
        assertTrue(audit.stream().anyMatch(r -> r.contains("\"sign-in-refused\"") && r.contains("gmail.com")), audit.toString());
        assertTrue(audit.stream().anyMatch(r -> r.contains("\"sign-in-link-sent\"") && r.contains(SUBMITTER)), audit.toString());
        assertTrue(audit.stream().noneMatch(r -> r.contains("/sign-in/")), "no link in the audit log");
    }

    private static String neutral(String page) {
        return page;
    }
}
