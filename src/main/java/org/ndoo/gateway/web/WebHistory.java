package org.ndoo.gateway.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ndoo.gateway.operations.SubmissionBoard;
import org.ndoo.gateway.submission.Submission;

/**
 * A person's own web checks of the last {@code gateway.web.history-days}: those that ended come from the audit log
 * (durable, without NHS numbers: reference, file, counts, outcome, reason, receivedAt), read filtered by submitter and
 * age; those still running from the SubmissionBoard (stage and progress) or waiting for a later attempt; and those
 * handed in but not started yet from this gateway's own memory of what it received.
 */
public final class WebHistory {

    /** One check as /checks shows it; {@code ended} false while it runs ({@code state} says how far it is). */
    public record Check(String reference, String sent, Instant receivedAt, boolean ended, String state,
            long rowsRead, long valid, long invalid, long duplicates, long checked, long permitted, long withheld,
            String reason) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path auditFile;
    private final SubmissionBoard board;
    private final Duration keep;
    private final Clock clock;
    private final Map<String, Check> received = new ConcurrentHashMap<>();
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    public WebHistory(Path auditFile, SubmissionBoard board, Duration keep, Clock clock) {
        this.auditFile = auditFile;
        this.board = board;
        this.keep = keep;
        this.clock = clock;
    }

    /** A web submission was handed in: it shows as received until it starts. */
    public void received(Submission submission) {
        Instant since = clock.instant().minus(keep);
        received.values().removeIf(c -> c.receivedAt().isBefore(since));
        owners.keySet().retainAll(received.keySet());
        received.put(submission.getReference(), new Check(submission.getReference(), sent(submission.getFileName()),
                submission.getReceivedAt(), false, "received, about to start", 0, 0, 0, 0, 0, 0, 0, ""));
        owners.put(submission.getReference(), submission.getSubmitterFolder().toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code address}'s checks, newest first. */
    public List<Check> of(String address) {
        String who = address.toLowerCase(java.util.Locale.ROOT);
        Map<String, Check> checks = new LinkedHashMap<>();
        received.forEach((ref, check) -> {
            if (who.equals(owners.get(ref))) {
                checks.put(ref, check);
            }
        });
        for (SubmissionBoard.Waiting w : board.waiting()) {
            if ("web".equals(w.source()) && who.equalsIgnoreCase(w.submitter()) && checks.containsKey(w.reference())) {
                checks.put(w.reference(), running(checks.get(w.reference()), "waiting to be tried again: " + w.reason()));
            }
        }
        for (SubmissionBoard.InFlight f : board.inFlight()) {
            if ("web".equals(f.source()) && who.equalsIgnoreCase(f.submitter())) {
                String progress = f.chunksTotal() > 0 ? ", " + f.chunksDone() + " of " + f.chunksTotal() + " parts" : "";
                checks.put(f.reference(), new Check(f.reference(), sent(f.fileName()), f.receivedAt(), false,
                        f.stage() + progress, f.rowsRead(), 0, 0, 0, f.checked(), 0, 0, ""));
            }
        }
        ended(who).forEach(c -> checks.put(c.reference(), c));
        List<Check> list = new ArrayList<>(checks.values());
        list.sort(Comparator.comparing(Check::receivedAt).reversed());
        return list;
    }

    /** {@code address}'s check {@code reference}; null if there is none of theirs (unknown, or another person's). */
    public Check one(String address, String reference) {
        return of(address).stream().filter(c -> c.reference().equals(reference)).findFirst().orElse(null);
    }

    /** Whether any of the checks is still running (the page then refreshes itself). */
    public static boolean anyRunning(List<Check> checks) {
        return checks.stream().anyMatch(c -> !c.ended());
    }

    private List<Check> ended(String who) {
        List<Check> list = new ArrayList<>();
        if (!Files.exists(auditFile)) {
            return list;
        }
        Instant since = clock.instant().minus(keep);
        try (BufferedReader lines = Files.newBufferedReader(auditFile, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                // only the web's submission records of this person are parsed
                if (!line.contains("\"source\":\"web\"") || !line.contains("\"reference\"")
                        || !line.toLowerCase(java.util.Locale.ROOT).contains(who)) {
                    continue;
                }
                JsonNode r = JSON.readTree(line);
                if (r.has("event")) {
                    // a front-door event (a submission resumed after a restart), not the end of a check
                    continue;
                }
                Instant at = Instant.parse(r.path("receivedAt").asText(r.path("time").asText()));
                if (who.equalsIgnoreCase(r.path("submitter").asText()) && !at.isBefore(since)) {
                    list.add(new Check(r.path("reference").asText(), sent(r.path("file").asText()), at, true,
                            r.path("outcome").asText(), r.path("rowsRead").asLong(), r.path("valid").asLong(),
                            r.path("invalid").asLong(), r.path("duplicates").asLong(), r.path("checked").asLong(),
                            r.path("permitted").asLong(), r.path("withheld").asLong(), r.path("detail").asText()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // a page without the ended checks rather than none at all; the audit log itself is checked elsewhere
        }
        return list;
    }

    private static Check running(Check check, String state) {
        return new Check(check.reference(), check.sent(), check.receivedAt(), false, state, 0, 0, 0, 0, 0, 0, 0, "");
    }

    /** What was sent, in words: the file's name, or "typed numbers". */
    static String sent(String fileName) {
        return WebIntake.TYPED_NAME.equals(fileName) ? "typed numbers" : fileName;
    }
}
