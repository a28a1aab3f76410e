package org.ndoo.gateway.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The front door's sign-in links and sessions, each kept under the SHA-256 hash of its secret, never the secret
 * itself, in a {@link Store}: this node's memory when the gateway runs alone (a restart ends them), the shared
 * database when it runs clustered (a person signed in on one node stays signed in on the others). A link works
 * once, until it expires; a session lasts its lifetime. A session's csrf token is derived from its id
 * ({@link Tokens#csrfOf}), so it is never stored either.
 */
public final class WebSessions {

    /** A sign-in link: the hash of its token, the address it was sent to, when it expires. */
    public record Link(byte[] hash, String address, Instant expires) {
    }

    /** A session: the hash of its id, whose it is, when it ends. */
    public record Session(byte[] hash, String address, Instant expires) {
    }

    /** Where links and sessions are kept, by the hash of their secret. */
    public interface Store {
        void putLink(Link link);

        /** The link of {@code hash}, taken away (it works once); null if there is none. */
        Link takeLink(byte[] hash);

        void putSession(Session session);

        /** The session of {@code hash}; null if there is none. */
        Session session(byte[] hash);

        void endSession(byte[] hash);

        /** Forgets the links and sessions that have expired by {@code now}. */
        void purge(Instant now);
    }

    /** Links and sessions in this node's memory. */
    public static final class MemoryStore implements Store {
        private final Map<String, Link> links = new ConcurrentHashMap<>();
        private final Map<String, Session> sessions = new ConcurrentHashMap<>();

        @Override
        public void putLink(Link link) {
            links.put(Tokens.key(link.hash()), link);
        }

        @Override
        public Link takeLink(byte[] hash) {
            return links.remove(Tokens.key(hash));
        }

        @Override
        public void putSession(Session session) {
            sessions.put(Tokens.key(session.hash()), session);
        }

        @Override
        public Session session(byte[] hash) {
            return sessions.get(Tokens.key(hash));
        }

        @Override
        public void endSession(byte[] hash) {
            sessions.remove(Tokens.key(hash));
        }

        @Override
        public void purge(Instant now) {
            links.values().removeIf(l -> !now.isBefore(l.expires()));
            sessions.values().removeIf(s -> !now.isBefore(s.expires()));
        }
    }

    private final Store store;
    private final Duration linkLife;
    private final Duration sessionLife;
    private final Clock clock;

    public WebSessions(Duration linkLife, Duration sessionLife, Clock clock) {
        this(new MemoryStore(), linkLife, sessionLife, clock);
    }

    public WebSessions(Store store, Duration linkLife, Duration sessionLife, Clock clock) {
        this.store = store;
        this.linkLife = linkLife;
        this.sessionLife = sessionLife;
        this.clock = clock;
    }

    /** A new single-use sign-in link's token for {@code address}. */
    public String newLink(String address) {
        store.purge(clock.instant());
        String token = Tokens.newToken();
        store.putLink(new Link(Tokens.hash(token), address, clock.instant().plus(linkLife)));
        return token;
    }

    /** The address the link {@code token} was sent to, using the link up; null if unknown, used or expired. */
    public String useLink(String token) {
        if (token == null) {
            return null;
        }
        Link link = store.takeLink(Tokens.hash(token));
        if (link == null || !Tokens.matches(link.hash(), token) || !clock.instant().isBefore(link.expires())) {
            return null;
        }
        return link.address();
    }

    /** Starts a session for {@code address}; returns its id (the cookie's value). */
    public String start(String address) {
        store.purge(clock.instant());
        String id = Tokens.newToken();
        store.putSession(new Session(Tokens.hash(id), address, clock.instant().plus(sessionLife)));
        return id;
    }

    /** Who the session {@code id} belongs to; null if unknown or ended. */
    public WebUser user(String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        Session session = store.session(Tokens.hash(id));
        if (session == null || !Tokens.matches(session.hash(), id) || !clock.instant().isBefore(session.expires())) {
            return null;
        }
        return new WebUser(session.address(), Tokens.csrfOf(id));
    }

    /** Ends the session {@code id}; nothing to do if it has already ended. */
    public void end(String id) {
        if (id != null && !id.isEmpty()) {
            store.endSession(Tokens.hash(id));
        }
    }

    /** How long a session lasts. */
    public Duration sessionLife() {
        return sessionLife;
    }
}
