package org.ndoo.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.function.Function;

import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.ndoo.gateway.settings.Secrets;

/**
 * The web front door's TLS ({@code gateway.web.tls.*}): a PKCS12 key store holding the server's certificate and
 * private key, and its password (from the environment, {@code GATEWAY_WEB_TLS_KEYSTORE_PASSWORD}, or from the file
 * named by {@code gateway.web.tls.keystore-password-file}). When a key store is set, the front door (Camel's main
 * server, {@code camel.server.useGlobalSslContextParameters}) serves HTTPS only; the management server stays as it is.
 */
public final class WebTls {

    public static final String KEYSTORE_FILE = "gateway.web.tls.keystore-file";
    public static final String KEYSTORE_PASSWORD = "gateway.web.tls.keystore-password";
    public static final String KEYSTORE_PASSWORD_FILE = "gateway.web.tls.keystore-password-file";

    private WebTls() {
    }

    /** Whether a key store is set, so that the front door serves HTTPS. */
    public static boolean configured(Function<String, String> setting) {
        String file = setting.apply(KEYSTORE_FILE);
        return file != null && !file.isBlank();
    }

    /** The key store's password: the file's content if a password file is set, else the value; may be empty. */
    public static String password(Function<String, String> setting) {
        return Secrets.resolve(setting.apply(KEYSTORE_PASSWORD), setting.apply(KEYSTORE_PASSWORD_FILE));
    }

    /**
     * The key store, opened with {@code password}; throws {@link IllegalArgumentException} saying why it cannot serve
     * (not PKCS12, wrong password, no private key). The message names no secret.
     */
    public static KeyStore open(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return store;
                }
            }
            throw new IllegalArgumentException("holds no private key with its certificate");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot be opened as a PKCS12 key store with the password given"
                    + " (wrong password, or not PKCS12)");
        }
    }

    /** Camel's TLS parameters for the front door, from the settings (which start-up has checked). */
    public static SSLContextParameters parameters(Function<String, String> setting) {
        String password = password(setting);
        KeyStoreParameters store = new KeyStoreParameters();
        store.setKeyStore(open(Path.of(setting.apply(KEYSTORE_FILE).strip()), password));
        KeyManagersParameters keys = new KeyManagersParameters();
        keys.setKeyStore(store);
        keys.setKeyPassword(password);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setKeyManagers(keys);
        return parameters;
    }
}
