package org.ndoo.gateway.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static org.ndoo.gateway.web.PageLayout.esc;

/** /checks (a person's own checks of the last days) and /checks/&lt;reference&gt; (one of them). */
public final class ChecksPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.systemDefault());

    private final PageLayout layout;
    private final WebHistory history;
    private final long days;

    public ChecksPages(PageLayout layout, WebHistory history, long days) {
        this.layout = layout;
        this.history = history;
        this.days = days;
    }

    /** GET /checks. */
    public String list(WebUser user) {
        List<WebHistory.Check> checks = history.of(user.address());
        StringBuilder main = new StringBuilder("<h1>Your checks</h1>\n<p>Your checks of the last ").append(days)
                .append(days == 1 ? " day" : " days").append(". Results are emailed to ").append(esc(user.address()))
                .append(".</p>\n");
        if (checks.isEmpty()) {
            main.append("<p>You have no checks yet. <a href=\"/check\">Check NHS numbers</a></p>");
        } else {
            main.append("<table id=\"checks\">\n<thead><tr><th scope=\"col\">Reference</th><th scope=\"col\">Sent</th>")
                    .append("<th scope=\"col\">When</th><th scope=\"col\">Status</th><th scope=\"col\">Result</th>")
                    .append("</tr></thead>\n<tbody>\n");
            for (WebHistory.Check c : checks) {
                main.append("<tr><td data-label=\"Reference\"><a href=\"/checks/").append(esc(c.reference()))
                        .append("\">").append(esc(c.reference())).append("</a></td>")
                        .append("<td data-label=\"Sent\">").append(esc(c.sent())).append("</td>")
                        .append("<td data-label=\"When\">").append(WHEN.format(c.receivedAt())).append("</td>")
                        .append("<td data-label=\"Status\">").append(status(c)).append("</td>")
                        .append("<td data-label=\"Result\">").append(result(c)).append("</td></tr>\n");
            }
            main.append("</tbody>\n</table>");
        }
        return layout.page("Your checks", user, main.toString(), WebHistory.anyRunning(checks));
    }

    /** GET /checks/&lt;reference&gt;: null when it is not one of the person's checks (the route answers 404). */
    public String one(WebUser user, String reference) {
        WebHistory.Check c = reference == null ? null : history.one(user.address(), reference);
        if (c == null) {
            return null;
        }
        StringBuilder main = new StringBuilder("<h1>Check ").append(esc(c.reference())).append("</h1>\n<dl>\n")
                .append(row("Sent", esc(c.sent())))
                .append(row("When", WHEN.format(c.receivedAt())))
                .append(row("Status", status(c)));
        if (c.ended()) {
            main.append(row("Rows read", Long.toString(c.rowsRead())))
                    .append(row("Valid NHS numbers", Long.toString(c.valid())))
                    .append(row("Invalid rows", Long.toString(c.invalid())))
                    .append(row("Duplicates removed", Long.toString(c.duplicates())))
                    .append(row("Checked", Long.toString(c.checked())))
                    .append(row("Permitted", Long.toString(c.permitted())))
                    .append(row("Withheld", Long.toString(c.withheld())));
            if (!c.reason().isBlank()) {
                main.append(row("Reason", esc(c.reason())));
            }
        }
        main.append("</dl>\n<p>").append(c.ended() ? "The result, or what went wrong, has been emailed to you."
                : "This page updates itself while the check runs; reload it if it does not.")
                .append("</p>\n<p><a href=\"/checks\">All your checks</a></p>");
        return layout.page("Check " + c.reference(), user, main.toString(), !c.ended());
    }

    private static String status(WebHistory.Check c) {
        String kind = !c.ended() ? "running" : "delivered".equals(c.state()) ? "delivered" : "failed";
        return "<span class=\"tag " + kind + "\">" + esc(c.ended() ? outcome(c.state()) : "Running") + "</span>"
                + (c.ended() ? "" : " " + esc(c.state()));
    }

    private static String result(WebHistory.Check c) {
        if (!c.ended()) {
            return c.checked() > 0 ? c.checked() + " numbers to check" : "";
        }
        String counts = c.permitted() + " permitted, " + c.withheld() + " withheld, " + c.invalid() + " invalid, "
                + c.duplicates() + " duplicates";
        return esc(counts) + (c.reason().isBlank() ? "" : "<br>" + esc(c.reason()));
    }

    private static String outcome(String outcome) {
        return switch (outcome) {
            case "delivered" -> "Sent to you";
            case "refused" -> "Refused";
            case "gave-up" -> "Given up";
            default -> "Failed";
        };
    }

    private static String row(String label, String html) {
        return "<dt>" + label + "</dt><dd>" + html + "</dd>\n";
    }
}
