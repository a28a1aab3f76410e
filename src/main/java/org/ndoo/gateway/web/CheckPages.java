package org.ndoo.gateway.web;

import org.ndoo.gateway.submission.Submission;

import static org.ndoo.gateway.web.PageLayout.csrfField;
import static org.ndoo.gateway.web.PageLayout.esc;

/** The check form, and the answer to a check handed in (its reference; typed numbers are never shown back). */
public final class CheckPages {

    private final PageLayout layout;
    private final long maxBytes;

    public CheckPages(PageLayout layout, long maxBytes) {
        this.layout = layout;
        this.maxBytes = maxBytes;
    }

    /** GET /check, or the form again with {@code problem} (null for none); the typed numbers are not kept in it. */
    public String form(WebUser user, String problem) {
        StringBuilder main = new StringBuilder("<h1>Check NHS numbers</h1>\n");
        if (problem != null) {
            main.append("<p class=\"error\" role=\"alert\">").append(esc(problem)).append("</p>\n");
        }
        main.append("<p>We check the numbers against the National Data Opt-Out and email you the numbers you may use, at ")
                .append(esc(user.address())).append(".</p>\n")
                .append("<form method=\"post\" action=\"/check\" enctype=\"multipart/form-data\">\n")
                .append(csrfField(user)).append('\n')
                .append("<label for=\"numbers\">Type NHS numbers</label>\n")
                .append("<p class=\"hint\" id=\"numbers-hint\">One or more 10-digit NHS numbers, separated by new lines,")
                .append(" commas, semicolons or spaces. Spaces inside a number are fine, in groups of 3, 3 and 4 digits.</p>\n")
                .append("<textarea id=\"numbers\" name=\"numbers\" rows=\"8\" autocomplete=\"off\" spellcheck=\"false\"")
                .append(" aria-describedby=\"numbers-hint\"></textarea>\n")
                .append("<label for=\"file\">Or upload a file</label>\n")
                .append("<p class=\"hint\" id=\"file-hint\">A .csv, .txt or .dat file of NHS numbers, up to ")
                .append(megabytes(maxBytes)).append(". Send typed numbers or a file, not both.</p>\n")
                .append("<input id=\"file\" name=\"file\" type=\"file\" accept=\".csv,.txt,.dat\"")
                .append(" aria-describedby=\"file-hint\">\n")
                .append("<button type=\"submit\">Check NHS numbers</button>\n</form>");
        return layout.page("Check NHS numbers", user, main.toString(), false);
    }

    /** The answer to a check handed in: its reference and where to follow it. */
    public String submitted(WebUser user, Submission submission) {
        String ref = esc(submission.getReference());
        return layout.page("Check received", user, "<div class=\"panel\"><h1>Check received</h1>\n"
                + "<p>Your reference is</p><p class=\"reference\">" + ref + "</p></div>\n"
                + "<p>The result will be emailed to " + esc(user.address()) + ". Quote the reference if you contact"
                + " the gateway operator.</p>\n"
                + "<p><a href=\"/checks/" + ref + "\">Follow this check</a></p>\n"
                + "<p><a href=\"/check\">Check more NHS numbers</a></p>", false);
    }

    /** A size as people read it: 1 GB, 200 MB (binary units, as operating systems show file sizes). */
    private static String megabytes(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        return bytes >= 1L << 20 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }
}
