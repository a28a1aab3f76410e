package org.ndoo.gateway.web;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.Await;
import org.ndoo.gateway.support.SyntheticNhsNumbers;
import org.ndoo.gateway.support.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person sees their own checks on /checks; another person's reference, or an unknown one, answers 404. */
class AnotherPersonsCheckIsNotFoundTest extends WebTestSupport {

    private static final String OTHER = "colleague@nhs.net";

    @Test
    void onlyTheOwnerSeesACheck() {
        String owner = signIn(SUBMITTER);
        String csrf = csrf(get("/check", owner).body());
        HttpResponse<String> answer = postMultipart("/check", owner,
                Map.of("csrf", csrf, "numbers", SyntheticNhsNumbers.valid(900, 1).get(0)), null, null);
        Matcher ref = Pattern.compile("(NDOO-[0-9-]+-[A-Z0-9]{5})").matcher(answer.body());
        assertTrue(ref.find(), answer.body());
        String reference = ref.group(1);
        Await.until("the check delivered, on its page", java.time.Duration.ofSeconds(20),
                () -> get("/checks/" + reference, owner).body().contains("Sent to you"));
        assertTrue(get("/checks", owner).body().contains(reference));

        String other = signIn(OTHER);
        HttpResponse<String> theirs = get("/checks/" + reference, other);
        assertEquals(404, theirs.statusCode());
        assertFalse(theirs.body().contains(SUBMITTER), "nothing of the owner's check is shown");
        assertFalse(get("/checks", other).body().contains(reference));
        assertEquals(404, get("/checks/NDOO-20990101-000000-ZZZZZ", owner).statusCode());
    }
}
