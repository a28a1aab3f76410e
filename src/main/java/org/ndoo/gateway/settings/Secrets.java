package org.ndoo.gateway.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * A secret given either as a value (best from an environment variable) or as the path of a file holding it, as
 * container and service managers provide them. The file wins when both are set. Secrets are never logged.
 */
public final class Secrets {

    private Secrets() {
    }

    /** The secret, trimmed; empty if neither is set. */
    public static String resolve(String value, String file) {
        if (file != null && !file.isBlank()) {
            try {
                return Files.readString(Paths.get(file.strip()), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                // the path is configuration, not a secret; the content is never quoted
                throw new UncheckedIOException("Cannot read the secret file " + file.strip(), e);
            }
        }
        return value == null ? "" : value.strip();
    }
}
