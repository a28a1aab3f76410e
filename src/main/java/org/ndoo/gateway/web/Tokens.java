package org.ndoo.gateway.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets of the front door (sign-in links, session ids): 32 bytes from a CSPRNG, URL-safe; kept only as their
 * SHA-256 hash, and compared with a presented one in constant time. A session's csrf token is derived from its id.
 */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A new secret: 32 random bytes, base64url without padding (43 characters). */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 hash of {@code token}, the only form in which it is kept. */
    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /**
     * The csrf token of the session {@code id}: derived from it (the SHA-256 of a label and the id, base64url), so
     * that it need not be stored, and cannot be told without the session id itself.
     */
    static String csrfOf(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash("csrf of session " + id));
    }

    /** The key a hash is filed under (its hex form). */
    static String key(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    /** Whether {@code presented} is the secret whose hash is {@code stored}, in constant time. */
    static boolean matches(byte[] stored, String presented) {
        return presented != null && MessageDigest.isEqual(stored, hash(presented));
    }
}
