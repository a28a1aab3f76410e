package org.ndoo.gateway.web;

import org.apache.camel.Exchange;
import org.ndoo.gateway.audit.Redact;
import org.ndoo.gateway.delivery.AllowedDomains;
import org.ndoo.gateway.delivery.MailAddresses;

/**
 * Sign-in to the web front door: who may have a sign-in link (one plain address in an allowed domain, within the
 * request limits), following a link into a session, the session cookie, and the csrf check of every POST.
 */
public final class WebSignIn {

    /** The session cookie's name. */
    public static final String COOKIE = "ndoo_session";

    /**
     * What became of a request for a sign-in link: {@code event} (sign-in-link-sent, sign-in-refused,
     * sign-in-limited) for the audit log, the address as recorded, and the link to mail (null unless sent).
     */
    public record Request(String event, String address, String link) {
        public boolean isSent() {
            return link != null;
        }
    }

    private final WebSessions sessions;
    private final SignInLimits limits;
    private final AllowedDomains allowedDomains;
    private final String baseUrl;
    private final boolean secureCookie;

    /**
     * @param baseUrl      where the front door is reached, without a trailing '/' (the links start with it)
     * @param secureCookie whether the cookie is marked Secure (the front door is served over TLS)
     */
    public WebSignIn(WebSessions sessions, SignInLimits limits, AllowedDomains allowedDomains, String baseUrl,
            boolean secureCookie) {
        this.sessions = sessions;
        this.limits = limits;
        this.allowedDomains = allowedDomains;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.secureCookie = secureCookie;
    }

    /** A request for a sign-in link for {@code email} from the client {@code client}. */
    public Request request(String email, String client) {
        String address = email == null ? null : MailAddresses.normalise(email.strip());
        if (address == null || !allowedDomains.allows(address)) {
            return new Request("sign-in-refused", shown(email), null);
        }
        if (!limits.allow(address, client == null ? "" : client)) {
            return new Request("sign-in-limited", address, null);
        }
        return new Request("sign-in-link-sent", address, baseUrl + "/sign-in/" + sessions.newLink(address));
    }

    /** Follows the sign-in link {@code token}: the new session's cookie, or null when the link cannot be used. */
    public String followLink(String token) {
        String address = sessions.useLink(token);
        return address == null ? null : cookie(sessions.start(address));
    }

    /** Who is signed in, from the request's Cookie header; null if nobody. */
    public WebUser user(String cookieHeader) {
        return sessions.user(sessionId(cookieHeader));
    }

    /**
     * The person a trusted proxy vouched for ({@code address}, null if it did not): their session (the request's, if
     * it is theirs; else a new one, whose cookie goes into the exchange variable {@code cookie}).
     */
    public WebUser proxyUser(String address, String cookieHeader, Exchange exchange) {
        if (address == null) {
            return null;
        }
        WebUser user = user(cookieHeader);
        if (user != null && user.address().equalsIgnoreCase(address)) {
            return user;
        }
        String id = sessions.start(address);
        exchange.setVariable("cookie", cookie(id));
        return sessions.user(id);
    }

    /** Ends the request's session; returns the cookie that clears it in the browser. */
    public String signOut(String cookieHeader) {
        sessions.end(sessionId(cookieHeader));
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secureCookie ? "; Secure" : "");
    }

    /** Whether a POST must be refused: its {@code csrf} field is not the session's token. */
    public boolean csrfRefused(WebUser user, String csrf) {
        return user == null || csrf == null
                || !java.security.MessageDigest.isEqual(Tokens.hash(user.csrf()), Tokens.hash(csrf));
    }

    /** The client's address, for the per-client limit: the host of Vert.x's remote address. */
    public static String client(Object remoteAddress) {
        if (remoteAddress instanceof io.vertx.core.net.SocketAddress socket) {
            return socket.hostAddress() != null ? socket.hostAddress() : socket.host();
        }
        return remoteAddress == null ? "" : remoteAddress.toString();
    }

    private String cookie(String id) {
        return COOKIE + "=" + id + "; Path=/; Max-Age=" + sessions.sessionLife().toSeconds()
                + "; HttpOnly; SameSite=Strict" + (secureCookie ? "; Secure" : "");
    }

    private static String sessionId(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            String id = value(part);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private static String value(String pair) {
        String p = pair.strip();
        return p.startsWith(COOKIE + "=") ? p.substring(COOKIE.length() + 1) : null;
    }

    /** A refused address as the audit log records it: shortened, digits masked (it may be anything typed). */
    private static String shown(String email) {
        if (email == null) {
            return "";
        }
        String s = email.strip();
        return Redact.digits(MailAddresses.quoteSafely(s.length() > 120 ? s.substring(0, 120) : s));
    }
}
