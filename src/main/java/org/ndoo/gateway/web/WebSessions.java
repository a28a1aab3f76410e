package org.ndoo.gateway.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The front door's sign-in links and sessions, in memory only (a restart ends them): each kept under the SHA-256
 * hash of its secret, never the secret itself. A link works once, until it expires; a session lasts its lifetime.
 */
public final class WebSessions {

    private record Link(byte[] hash, String address, Instant expires) {
    }

    private record Session(byte[] hash, WebUser user, Instant expires) {
    }

    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration linkLife;
    private final Duration sessionLife;
    private final Clock clock;

    public WebSessions(Duration linkLife, Duration sessionLife, Clock clock) {
        this.linkLife = linkLife;
        this.sessionLife = sessionLife;
        this.clock = clock;
    }

    /** A new single-use sign-in link's token for {@code address}. */
    public String newLink(String address) {
        purge();
        String token = Tokens.newToken();
        byte[] hash = Tokens.hash(token);
        links.put(Tokens.key(hash), new Link(hash, address, clock.instant().plus(linkLife)));
        return token;
    }

    /** The address the link {@code token} was sent to, using the link up; null if unknown, used or expired. */
    public String useLink(String token) {
        if (token == null) {
            return null;
        }
        Link link = links.remove(Tokens.key(Tokens.hash(token)));
        if (link == null || !Tokens.matches(link.hash(), token) || !clock.instant().isBefore(link.expires())) {
            return null;
        }
        return link.address();
    }

    /** Starts a session for {@code address}; returns its id (the cookie's value). */
    public String start(String address) {
        purge();
        String id = Tokens.newToken();
        byte[] hash = Tokens.hash(id);
        sessions.put(Tokens.key(hash), new Session(hash, new WebUser(address, Tokens.newToken()),
                clock.instant().plus(sessionLife)));
        return id;
    }

    /** Who the session {@code id} belongs to; null if unknown or ended. */
    public WebUser user(String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        Session session = sessions.get(Tokens.key(Tokens.hash(id)));
        if (session == null || !Tokens.matches(session.hash(), id) || !clock.instant().isBefore(session.expires())) {
            return null;
        }
        return session.user();
    }

    /** Ends the session {@code id}; nothing to do if it has already ended. */
    public void end(String id) {
        if (id != null && !id.isEmpty()) {
            sessions.remove(Tokens.key(Tokens.hash(id)));
        }
    }

    /** How long a session lasts. */
    public Duration sessionLife() {
        return sessionLife;
    }

    private void purge() {
        Instant now = clock.instant();
        links.values().removeIf(l -> !now.isBefore(l.expires()));
        sessions.values().removeIf(s -> !now.isBefore(s.expires()));
    }
}
