package org.ndoo.gateway.mesh;

/**
 * The first POST of a send got no clear answer (no response, a timeout, a 5xx or a 429): MESH may or may not have
 * accepted the message. It is never repeated automatically, because a repeat can deliver the message twice; the
 * caller decides (for example, check the outbox tracking or wait for a reply before sending again).
 */
public final class MeshSendUncertain extends MeshException {

    private static final long serialVersionUID = 1L;

    public MeshSendUncertain(String message, int status, Throwable cause) {
        super(message, status, cause);
    }
}
