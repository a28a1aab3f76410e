package org.ndoo.gateway.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class StatusPageTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:10Z");

    private final StatusPage page = new StatusPage(new SubmissionBoard(1000), null, "ndoo-gateway", 5,
            java.time.ZoneId.of("Europe/London"));

    @Test
    void showsDependenciesSubmissionsInFlightAndOutcomes() {
        String html = page.page(
                List.of(new DependencyHealth.Check("lookup", false, "http lookup 127.0.0.1:8089 not reachable")),
                List.of(new SubmissionBoard.InFlight("NDOO-20261123-120000-AAAAA", "analyst@nhs.net", "cohort.csv",
                        "shared-folder", NOW.minusSeconds(10), 1, 3, 2500, 2500, "checking")),
                List.of(new SubmissionBoard.Outcome("NDOO-20261123-115900-BBBBB", "analyst@nhs.net", "old.csv",
                        "delivered", NOW, 1234, 4000, 2, 1, 3997, 3995, 2)),
                NOW);

        assertTrue(html.contains("<meta http-equiv=\"refresh\" content=\"5\">"), "refreshes itself");
        assertTrue(html.contains("<td>lookup</td><td class=\"down\">DOWN</td><td>http lookup 127.0.0.1:8089 not reachable"));
        assertTrue(html.contains("<progress max=\"3\" value=\"1\"></progress> 1 of 3"));
        assertTrue(html.contains("<td class=\"n\">10 s</td>"), "running for");
        assertTrue(html.contains("<td>2026-11-23 12:00:10 GMT</td><td>NDOO-20261123-115900-BBBBB</td>"), "time with zone");
        assertTrue(html.contains("<td>delivered</td><td class=\"n\">4,000</td><td class=\"n\">2</td><td class=\"n\">1</td>"
                + "<td class=\"n\">3,997</td><td class=\"n\">3,995</td><td class=\"n\">2</td><td class=\"n\">1,234 ms</td>"),
                "counts formatted as in the email");
        assertFalse(html.contains("<script"), "no script: works in any browser");
    }

    @Test
    void showsTheReasonOfAFailureAndTheInputsWaitingWithTheirNextAttempt() {
        String html = page.page(List.of(), List.of(),
                List.of(new SubmissionBoard.Waiting("NDOO-20261123-120000-CCCCC", "analyst@nhs.net", "wait.csv",
                        "shared-folder", "the opt-out lookup is unavailable: HTTP 503", 2, NOW.plusSeconds(60))),
                List.of(new SubmissionBoard.Outcome("NDOO-20261123-115900-BBBBB", "analyst@nhs.net", "old.csv",
                        "failed", NOW, 10, 1, 0, 0, 0, 0, 0, "gateway configuration: the lookup answered HTTP 401")),
                NOW);

        assertTrue(html.contains("<td class=\"n\">10 ms</td><td class=\"w\">gateway configuration: the lookup answered HTTP 401</td>"),
                html);
        assertTrue(html.contains("<h2>Waiting to be retried (1)</h2>"), html);
        assertTrue(html.contains("<td class=\"w\">wait.csv</td><td>shared-folder</td><td>waiting</td>"
                + "<td class=\"w\">the opt-out lookup is unavailable: HTTP 503</td><td class=\"n\">2</td>"
                + "<td>2026-11-23 12:01:10 GMT</td>"), html);
    }

    @Test
    void saysSoWhenNothingIsInFlightOrFinished() {
        String html = page.page(List.of(), List.of(), List.of(), NOW);

        assertTrue(html.contains("No submission is being checked."));
        assertTrue(html.contains("No submission has finished since the gateway started."));
    }

    /** File and folder names come from users: they are shown as text, never as markup. */
    @Test
    void escapesNamesFromUsers() {
        String html = page.page(List.of(), List.of(new SubmissionBoard.InFlight("NDOO-20261123-120000-AAAAA",
                "untrusted folder: <b>x</b>", "<script>alert(1)</script>&\".csv", "shared-folder", NOW, 0, 0, 0, 0,
                "reading")), List.of(), NOW);

        assertFalse(html.contains("<script>alert"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;.csv"));
        assertTrue(html.contains("untrusted folder: &lt;b&gt;x&lt;/b&gt;"));
        assertEquals("a b", StatusPage.text("a\nb"), "control characters become spaces");
    }

    /** Clustered, each submission in flight says which node holds it. */
    @Test
    void namesTheNodeHoldingEachSubmissionWhenClustered() {
        String html = page.page(List.of(), List.of(new SubmissionBoard.InFlight("NDOO-20261123-120000-AAAAA",
                "analyst@nhs.net", "cohort.csv", "shared-folder", NOW, 0, 0, 0, 0, "reading", "node-b")), List.of(),
                NOW);

        assertTrue(html.contains("<td>reading on node-b</td>"), html);
    }
}
