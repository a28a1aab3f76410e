package org.ndoo.gateway.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The web history's store of a gateway running alone: the checks that ended from the audit log (durable, without NHS
 * numbers: reference, file, counts, outcome, reason, receivedAt), read filtered by submitter and age; those handed in
 * from this gateway's own memory of what it received.
 */
final class AuditFileHistory implements WebHistory.Store {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path auditFile;
    private final Map<String, WebHistory.Check> received = new ConcurrentHashMap<>();
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    AuditFileHistory(Path auditFile) {
        this.auditFile = auditFile;
    }

    @Override
    public void received(WebHistory.Check check, String owner, Instant since) {
        received.values().removeIf(c -> c.receivedAt().isBefore(since));
        owners.keySet().retainAll(received.keySet());
        received.put(check.reference(), check);
        owners.put(check.reference(), owner);
    }

    @Override
    public List<WebHistory.Check> received(String owner) {
        List<WebHistory.Check> list = new ArrayList<>();
        received.forEach((ref, check) -> {
            if (owner.equals(owners.get(ref))) {
                list.add(check);
            }
        });
        return list;
    }

    @Override
    public List<WebHistory.Check> ended(String who, Instant since) {
        List<WebHistory.Check> list = new ArrayList<>();
        if (!Files.exists(auditFile)) {
            return list;
        }
        try (BufferedReader lines = Files.newBufferedReader(auditFile, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                // only the web's submission records of this person are parsed
                if (!line.contains("\"source\":\"web\"") || !line.contains("\"reference\"")
                        || !line.toLowerCase(Locale.ROOT).contains(who)) {
                    continue;
                }
                JsonNode r = JSON.readTree(line);
                if (r.has("event")) {
                    // a front-door event (a submission resumed after a restart), not the end of a check
                    continue;
                }
                Instant at = Instant.parse(r.path("receivedAt").asText(r.path("time").asText()));
                if (who.equalsIgnoreCase(r.path("submitter").asText()) && !at.isBefore(since)) {
                    list.add(new WebHistory.Check(r.path("reference").asText(), WebHistory.sent(r.path("file").asText()),
                            at, true, r.path("outcome").asText(), r.path("rowsRead").asLong(), r.path("valid").asLong(),
                            r.path("invalid").asLong(), r.path("duplicates").asLong(), r.path("checked").asLong(),
                            r.path("permitted").asLong(), r.path("withheld").asLong(), r.path("detail").asText()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // a page without the ended checks rather than none at all; the audit log itself is checked elsewhere
        }
        return list;
    }
}
