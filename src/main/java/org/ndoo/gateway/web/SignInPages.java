package org.ndoo.gateway.web;

/** The sign-in pages: the form, the neutral answer to a request, the refused link, and the plain refusals. */
public final class SignInPages {

    private final PageLayout layout;
    private final long linkMinutes;

    public SignInPages(PageLayout layout, long linkMinutes) {
        this.layout = layout;
        this.linkMinutes = linkMinutes;
    }

    /** GET /: the sign-in form. */
    public String form() {
        return layout.page("Sign in", null, """
                <h1>Sign in</h1>
                <p>Check a list of NHS numbers against the National Data Opt-Out. The result is emailed to you.</p>
                <form method="post" action="/sign-in">
                <label for="email">Your NHS email address</label>
                <p class="hint" id="email-hint">We will email you a link to sign in.</p>
                <input id="email" name="email" type="email" autocomplete="email" spellcheck="false"
                 aria-describedby="email-hint" required>
                <button type="submit">Email me a sign-in link</button>
                </form>""", false);
    }

    /** The answer to every sign-in request, sent or not: the same words (no account discovery). */
    public String requested() {
        return layout.page("Check your email", null, "<h1>Check your email</h1>\n"
                + "<p>If the address you gave can use this service, we have emailed it a sign-in link.</p>\n"
                + "<p>The link works once, for " + linkMinutes + " minutes. If no email arrives, check the address"
                + " and <a href=\"/\">ask for a new link</a>.</p>", false);
    }

    /** A link that is expired, used already or not one the gateway sent. */
    public String linkRefused() {
        return layout.page("This sign-in link cannot be used", null,
                "<h1>This sign-in link cannot be used</h1>\n"
                + "<p>It has expired, has been used already, or is not a complete link from our email. Links work"
                + " once, for " + linkMinutes + " minutes.</p>\n<p><a href=\"/\">Ask for a new sign-in link</a></p>",
                false);
    }

    /** After signing out. */
    public String signedOut() {
        return layout.page("You have signed out", null, "<h1>You have signed out</h1>\n"
                + "<p><a href=\"/\">Sign in again</a></p>", false);
    }

    /** A POST without the session's csrf token (403). */
    public String forbidden(WebUser user) {
        return layout.page("The form could not be sent", user, "<h1>The form could not be sent</h1>\n"
                + "<p>It did not come from this service's own page, or the page was too old. Nothing was done."
                + " <a href=\"/check\">Start again</a>.</p>", false);
    }

    /** An unknown page, or another person's check (404). */
    public String notFound(WebUser user) {
        return layout.page("Page not found", user, "<h1>Page not found</h1>\n"
                + "<p>There is no such page, or it is not yours. <a href=\"/checks\">Your checks</a></p>", false);
    }


    /** A failure of the front door itself (500): nothing was done, or the reference page says what was. */
    public String problem(WebUser user) {
        return layout.page("Sorry, there is a problem with the service", user,
                "<h1>Sorry, there is a problem with the service</h1>\n<p>Try again later. If you had sent a check,"
                + " <a href=\"/checks\">your checks</a> show whether it was received.</p>", false);
    }
}
