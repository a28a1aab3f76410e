package org.ndoo.gateway.web;

/**
 * The one layout of every front-door page: NHS.UK-style header (service name, and the navigation with a sign-out
 * form when someone is signed in), the page's main content in a white card, and the footer; one stylesheet
 * ({@code /assets/nhs.css}) and, on pages that follow a running check, one external script that refreshes them.
 * No inline script or style (the Content-Security-Policy allows neither). Every user string passes {@link #esc}.
 */
public final class PageLayout {

    /** The service's name, in the header and every title. */
    public static final String SERVICE = "National Data Opt-Out check";

    /** The page {@code title} with {@code main} (already escaped HTML) for {@code user} (null: nobody signed in). */
    public String page(String title, WebUser user, String main, boolean refreshing) {
        StringBuilder html = new StringBuilder(2048)
                .append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append(" - ").append(SERVICE).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/nhs.css\">\n");
        if (refreshing) {
            html.append("<script src=\"/assets/refresh.js\" defer></script>\n");
        }
        html.append("</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n")
                .append("<header class=\"header\"><div class=\"width\">")
                .append("<a class=\"service\" href=\"/\"><span class=\"logo\">NHS</span> ").append(SERVICE).append("</a>");
        if (user != null) {
            html.append("<nav aria-label=\"Main\"><ul>")
                    .append("<li><a href=\"/check\">Check NHS numbers</a></li>")
                    .append("<li><a href=\"/checks\">Your checks</a></li>")
                    .append("<li><form method=\"post\" action=\"/sign-out\">").append(csrfField(user))
                    .append("<button class=\"link\" type=\"submit\">Sign out</button></form></li>")
                    .append("</ul><p class=\"who\">Signed in as ").append(esc(user.address())).append("</p></nav>");
        }
        html.append("</div></header>\n<main id=\"main\" class=\"width\">\n<div class=\"card\">\n")
                .append(main)
                .append("\n</div>\n</main>\n<footer class=\"footer\"><div class=\"width\">")
                .append("Results are sent only to NHS email addresses. Do not keep a record of who opted out.")
                .append("</div></footer>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The hidden csrf field every form of a signed-in person carries. */
    public static String csrfField(WebUser user) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(user.csrf()) + "\">";
    }

    /** {@code text} safe in HTML text and in quoted attributes. */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
