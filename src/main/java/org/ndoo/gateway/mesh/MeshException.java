package org.ndoo.gateway.mesh;

/**
 * A MESH call that failed. The message names the operation, the mailbox or message id and the HTTP status; it never
 * holds a message body (they hold NHS numbers) nor a credential. {@link #status()} is 0 when no answer came.
 */
public class MeshException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public MeshException(String message, int status) {
        super(message);
        this.status = status;
    }

    public MeshException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status MESH answered, or 0 if there was no answer (connection failure, timeout). */
    public int status() {
        return status;
    }
}
