package org.ndoo.gateway.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A POST without the session's csrf token (none, or another session's) is refused with 403 and does nothing: no
 * submission, no mail, the upload deleted; sign-out needs it too.
 */
class PostWithoutCsrfIsRefusedTest extends WebTestSupport {

    @Test
    void noCsrfNoCheck() throws Exception {
        String cookie = signIn(SUBMITTER);
        String otherCsrf = csrf(get("/check", signIn("colleague@nhs.net")).body());
        String numbers = SyntheticNhsNumbers.valid(950, 2).get(0);

        HttpResponse<String> none = postMultipart("/check", cookie, Map.of("numbers", numbers), "list.csv",
                (numbers + "\n").getBytes());
        HttpResponse<String> wrong = postMultipart("/check", cookie, Map.of("csrf", otherCsrf, "numbers", numbers),
                null, null);
        assertEquals(403, none.statusCode());
        assertEquals(403, wrong.statusCode());
        assertEquals(403, postForm("/sign-out", cookie, Map.of()).statusCode());
        assertEquals(200, get("/check", cookie).statusCode(), "still signed in: the sign-out was refused");

        assertTrue(filesUnder(workDir()) == 0, "no upload or work folder left");
        assertEquals(2, MAIL.getReceivedMessages().length, "only the two sign-in emails");
        assertTrue(auditRecords().stream().noneMatch(r -> r.contains("\"reference\"")), "no submission");

        HttpResponse<String> out = postForm("/sign-out", cookie, Map.of("csrf", csrf(get("/check", cookie).body())));
        assertEquals(200, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
        assertEquals(303, get("/check", cookie).statusCode(), "signed out");
    }
}
