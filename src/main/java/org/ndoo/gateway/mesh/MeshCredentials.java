package org.ndoo.gateway.mesh;

/**
 * The MESH secrets, each resolved from a value (from the environment) or a file holding it (settings/Secrets): the
 * mailbox password, the environment's shared secret, and the passwords of the key store and trust store. Never shown.
 */
public record MeshCredentials(String password, String sharedSecret, String keyStorePassword,
        String trustStorePassword) {

    @Override
    public String toString() {
        return "MESH credentials (hidden)";
    }
}
