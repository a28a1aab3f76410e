package org.ndoo.gateway.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context for MESH's mutual TLS: the mailbox's client certificate and key from a PKCS12 key store, and the
 * certificates to trust for the server (the NHS root and sub CA) from a PKCS12 trust store. Errors name the file,
 * never a password.
 */
public final class MeshTls {

    private MeshTls() {
    }

    /** An SSLContext presenting the key store's key and trusting only the trust store's certificates. */
    public static SSLContext fromPkcs12(Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore, keyStorePassword), keyStorePassword);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore, trustStorePassword));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up MESH TLS from " + keyStore + " and " + trustStore
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
            return store;
        } catch (IOException e) {
            // a wrong password also ends here; the message says so without quoting it
            throw new IllegalStateException("Cannot read the PKCS12 store " + file + " (missing, damaged or wrong password)", e);
        }
    }
}
