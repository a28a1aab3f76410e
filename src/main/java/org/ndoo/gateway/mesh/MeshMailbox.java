package org.ndoo.gateway.mesh;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The organisation's MESH mailbox and its client. With {@code gateway.lookup.type=mesh} the client is made (and every
 * MESH setting checked) at start-up ({@link MeshSettings}); otherwise never.
 */
public final class MeshMailbox {

    private static final Duration HANDSHAKE_EVERY = Duration.ofHours(12);

    private final String mailbox;
    private final Supplier<MeshClient> clients;
    private MeshClient client;
    private Instant lastHandshake;

    /** The mailbox {@code mailbox}, whose client {@code clients} makes when first asked. */
    public MeshMailbox(String mailbox, Supplier<MeshClient> clients) {
        this.mailbox = mailbox == null ? "" : mailbox.strip();
        this.clients = clients;
    }

    public String mailbox() {
        return mailbox;
    }

    /** The client, made on first use. */
    public synchronized MeshClient client() {
        if (client == null) {
            client = clients.get();
        }
        return client;
    }

    /** Handshakes when it is the first call or the last handshake is over 12 hours old (MESH wants one a day). */
    public synchronized void handshakeIfDue() {
        if (lastHandshake == null || Instant.now().isAfter(lastHandshake.plus(HANDSHAKE_EVERY))) {
            client().handshake();
            lastHandshake = Instant.now();
        }
    }

    @Override
    public String toString() {
        return "MESH mailbox " + mailbox;
    }
}
