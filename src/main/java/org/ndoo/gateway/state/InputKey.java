package org.ndoo.gateway.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How the shared tables name an input: the SHA-256 (hex) of its origin (where it is at its source, a path that may
 * hold a file name with digits in it), never the origin itself.
 */
final class InputKey {

    private InputKey() {
    }

    static String of(String origin) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(origin.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
