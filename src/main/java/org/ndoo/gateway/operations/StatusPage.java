package org.ndoo.gateway.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.ndoo.gateway.submission.Wording;

/**
 * The read-only status page: dependency health, the submissions in flight with their progress, and the last
 * outcomes with their counts. Plain server-rendered HTML (no script, no external files) that refreshes itself, so it
 * works in any browser on a hospital desktop. Shows references, submitters, file names and counts; no patient data.
 */
public final class StatusPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final SubmissionBoard board;
    private final DependencyHealth health;
    private final String gatewayName;
    private final int refreshSeconds;
    private final ZoneId zone;
    private final java.util.function.Supplier<String> node;

    public StatusPage(SubmissionBoard board, DependencyHealth health, String gatewayName, int refreshSeconds) {
        this(board, health, gatewayName, refreshSeconds, () -> "");
    }

    /** {@code node}: this node and its role, as "node-a, leader" (empty for a single gateway). */
    public StatusPage(SubmissionBoard board, DependencyHealth health, String gatewayName, int refreshSeconds,
            java.util.function.Supplier<String> node) {
        this(board, health, gatewayName, refreshSeconds, ZoneId.systemDefault(), node);
    }

    StatusPage(SubmissionBoard board, DependencyHealth health, String gatewayName, int refreshSeconds, ZoneId zone) {
        this(board, health, gatewayName, refreshSeconds, zone, () -> "");
    }

    private StatusPage(SubmissionBoard board, DependencyHealth health, String gatewayName, int refreshSeconds,
            ZoneId zone, java.util.function.Supplier<String> node) {
        this.node = node;
        this.board = board;
        this.health = health;
        this.gatewayName = gatewayName;
        this.refreshSeconds = refreshSeconds;
        this.zone = zone;
    }

    /** The page, as of now. */
    public String render() {
        return page(health.all(), board.inFlight(), board.waiting(), board.recent(), Instant.now());
    }

    String page(List<DependencyHealth.Check> checks, List<SubmissionBoard.InFlight> inFlight,
                  List<SubmissionBoard.Outcome> recent, Instant now) {
        return page(checks, inFlight, List.of(), recent, now);
    }

    String page(List<DependencyHealth.Check> checks, List<SubmissionBoard.InFlight> inFlight,
                List<SubmissionBoard.Waiting> waiting, List<SubmissionBoard.Outcome> recent, Instant now) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("\">\n")
                .append("<title>").append(text(gatewayName)).append(" status</title>\n")
                .append("<style>body{font-family:Arial,Helvetica,sans-serif;font-size:16px;margin:1.5em;color:#212b32}")
                .append("table{border-collapse:collapse;margin-bottom:1.5em}")
                .append("th,td{border:1px solid #aeb7bd;padding:4px 8px;text-align:left;white-space:nowrap}th{background:#e8edee}")
                // the outcome table fits a 1280 px screen: names, reasons and times wrap, counts do not
                .append("table.wide{width:100%;font-size:14px}table.wide th,table.wide td{white-space:normal}")
                .append("table.wide td.w{overflow-wrap:anywhere}table.wide td.n{white-space:nowrap}")
                .append("td.n{text-align:right}.up{color:#007f3b;font-weight:bold}.down{color:#d5281b;font-weight:bold}")
                .append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(text(gatewayName)).append(" status</h1>\n")
                .append("<p>As of ").append(time(now)).append(". This page refreshes every ").append(refreshSeconds)
                .append(" seconds. It shows references, submitters, file names and counts only.</p>\n");
        String thisNode = node.get();
        if (!thisNode.isEmpty()) {
            html.append("<p id=\"node\">This node: <strong>").append(text(thisNode)).append("</strong>.</p>\n");
        }
        dependencies(html, checks);
        inFlight(html, inFlight, now);
        waiting(html, waiting);
        recent(html, recent);
        return html.append("</body>\n</html>\n").toString();
    }

    private void dependencies(StringBuilder html, List<DependencyHealth.Check> checks) {
        html.append("<h2>Dependencies</h2>\n<table id=\"dependencies\">\n<tr><th>Dependency</th><th>State</th><th>Detail</th></tr>\n");
        for (DependencyHealth.Check check : checks) {
            html.append("<tr><td>").append(text(check.name())).append("</td><td class=\"")
                    .append(check.up() ? "up\">UP" : "down\">DOWN").append("</td><td>").append(text(check.detail()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void inFlight(StringBuilder html, List<SubmissionBoard.InFlight> inFlight, Instant now) {
        html.append("<h2>In flight (").append(inFlight.size()).append(")</h2>\n");
        if (inFlight.isEmpty()) {
            html.append("<p id=\"in-flight-none\">No submission is being checked.</p>\n");
            return;
        }
        html.append("<table id=\"in-flight\">\n<tr><th>Reference</th><th>Submitter</th><th>File</th><th>Source</th>")
                .append("<th>Stage</th><th>Chunks done</th><th>Rows read</th><th>Running for</th></tr>\n");
        for (SubmissionBoard.InFlight s : inFlight) {
            html.append("<tr><td>").append(text(s.reference())).append("</td><td>").append(text(s.submitter()))
                    .append("</td><td>").append(text(s.fileName())).append("</td><td>").append(text(s.source()))
                    .append("</td><td>").append(text(s.stage()))
                    // clustered: the node holding it
                    .append(s.node().isEmpty() ? "" : " on " + text(s.node())).append("</td><td class=\"progress\">");
            if (s.chunksTotal() > 0) {
                html.append("<progress max=\"").append(s.chunksTotal()).append("\" value=\"").append(s.chunksDone())
                        .append("\"></progress> ").append(s.chunksDone()).append(" of ").append(s.chunksTotal());
            } else {
                html.append("-");
            }
            html.append("</td><td class=\"n\">").append(Wording.number(s.rowsRead())).append("</td><td class=\"n\">")
                    .append(Duration.between(s.receivedAt(), now).toSeconds()).append(" s</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void recent(StringBuilder html, List<SubmissionBoard.Outcome> recent) {
        html.append("<h2>Last ").append(SubmissionBoard.RECENT).append(" outcomes</h2>\n");
        if (recent.isEmpty()) {
            html.append("<p id=\"recent-none\">No submission has finished since the gateway started.</p>\n");
            return;
        }
        html.append("<table id=\"recent\" class=\"wide\">\n<tr><th>Finished</th><th>Reference</th><th>Submitter</th>")
                .append("<th>File</th><th>Outcome</th><th>Rows</th><th>Invalid</th><th>Duplicates</th><th>Checked</th>")
                .append("<th>Permitted</th><th>Withheld</th><th>Took</th><th>Reason</th></tr>\n");
        for (SubmissionBoard.Outcome o : recent) {
            html.append("<tr><td>").append(time(o.finishedAt())).append("</td><td>").append(text(o.reference()))
                    .append("</td><td class=\"w\">").append(text(o.submitter())).append("</td><td class=\"w\">")
                    .append(text(o.fileName()))
                    .append("</td><td>").append(text(o.outcome())).append("</td>");
            for (long count : new long[] {o.rowsRead(), o.invalid(), o.duplicates(), o.checked(), o.permitted(),
                    o.withheld()}) {
                html.append("<td class=\"n\">").append(Wording.number(count)).append("</td>");
            }
            html.append("<td class=\"n\">").append(Wording.number(o.durationMs())).append(" ms</td><td class=\"w\">")
                    .append(text(o.reason())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void waiting(StringBuilder html, List<SubmissionBoard.Waiting> waiting) {
        if (waiting.isEmpty()) {
            return;
        }
        html.append("<h2>Waiting to be retried (").append(waiting.size()).append(")</h2>\n")
                .append("<table id=\"waiting\" class=\"wide\">\n<tr><th>Reference</th><th>Submitter</th><th>File</th>")
                .append("<th>Source</th><th>Stage</th><th>Reason</th><th>Attempts</th><th>Next attempt</th></tr>\n");
        for (SubmissionBoard.Waiting w : waiting) {
            html.append("<tr><td>").append(text(w.reference())).append("</td><td class=\"w\">")
                    .append(text(w.submitter())).append("</td><td class=\"w\">").append(text(w.fileName()))
                    .append("</td><td>").append(text(w.source())).append("</td><td>waiting</td><td class=\"w\">")
                    .append(text(w.reason())).append("</td><td class=\"n\">")
                    .append(w.attempts()).append("</td><td>")
                    .append(w.nextAttempt() == null ? "-" : time(w.nextAttempt())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    /** HTML-escaped text: names come from users' folders and files. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }
}
