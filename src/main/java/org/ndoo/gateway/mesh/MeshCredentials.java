package org.ndoo.gateway.mesh;

import org.ndoo.gateway.settings.Secrets;

/**
 * The MESH secrets, each given as a value (from the environment) or as a file holding it: the mailbox password, the
 * environment's shared secret, and the passwords of the key store and trust store. Never shown.
 */
public record MeshCredentials(String password, String sharedSecret, String keyStorePassword,
        String trustStorePassword) {

    public MeshCredentials(String password, String passwordFile, String sharedSecret, String sharedSecretFile,
            String keyStorePassword, String keyStorePasswordFile, String trustStorePassword,
            String trustStorePasswordFile) {
        this(Secrets.resolve(password, passwordFile), Secrets.resolve(sharedSecret, sharedSecretFile),
                Secrets.resolve(keyStorePassword, keyStorePasswordFile),
                Secrets.resolve(trustStorePassword, trustStorePasswordFile));
    }

    @Override
    public String toString() {
        return "MESH credentials (hidden)";
    }
}
