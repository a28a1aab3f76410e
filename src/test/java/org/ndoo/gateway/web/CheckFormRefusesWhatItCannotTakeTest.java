package org.ndoo.gateway.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.WebTestSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check form gives itself back with a message, and starts no check, for a spreadsheet, for typed numbers and a
 * file at once, and for nothing at all; the refused upload is deleted at once.
 */
class CheckFormRefusesWhatItCannotTakeTest extends WebTestSupport {

    @Test
    void theFormSaysWhatToDo() {
        String cookie = signIn(SUBMITTER);
        String csrf = csrf(get("/check", cookie).body());

        HttpResponse<String> sheet = postMultipart("/check", cookie, Map.of("csrf", csrf), "list.xlsx",
                "PK not really a spreadsheet".getBytes());
        assertEquals(400, sheet.statusCode());
        assertTrue(sheet.body().contains("Spreadsheets are not read"), sheet.body());
        HttpResponse<String> both = postMultipart("/check", cookie, Map.of("csrf", csrf, "numbers", "9990001006"),
                "list.csv", "9990001006\n".getBytes());
        assertEquals(400, both.statusCode());
        assertTrue(both.body().contains("not both"), both.body());
        HttpResponse<String> nothing = postMultipart("/check", cookie, Map.of("csrf", csrf, "numbers", " "), null, null);
        assertEquals(400, nothing.statusCode());
        assertTrue(nothing.body().contains("Type at least one NHS number, or choose a file."), nothing.body());
        assertTrue(nothing.body().contains("name=\"csrf\""), "the form again, usable");

        assertEquals(0, filesUnder(workDir()), "no upload or work folder left");
        assertTrue(auditRecords().stream().noneMatch(r -> r.contains("\"reference\"")), "no check started");
    }
}
