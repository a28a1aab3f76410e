package org.ndoo.gateway.mesh;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes the MESH {@code Authorization} header value, {@code NHSMESH mailbox:nonce:nonce_count:timestamp:hash}. MESH
 * accepts each token once only, so every request needs a fresh one: each call takes a new random nonce (count 0)
 * and the current UTC minute. The hash is the lower-case hex HMAC-SHA256, keyed with the environment's shared
 * secret, of {@code mailbox:nonce:nonce_count:password:timestamp}. The password and the secret are never shown.
 */
public final class MeshAuthorization {

    /** The scheme name; the space belongs to it. */
    public static final String SCHEME = "NHSMESH ";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);
    private static final String NONCE_COUNT = "0";

    private final String mailbox;
    private final String password;
    private final byte[] sharedSecret;
    private final Clock clock;
    private final Supplier<String> nonces;

    /** For {@code mailbox} (upper-cased, as MESH requires), with its password and the environment's shared secret. */
    public MeshAuthorization(String mailbox, String password, String sharedSecret, Clock clock) {
        this(mailbox, password, sharedSecret, clock, () -> UUID.randomUUID().toString());
    }

    MeshAuthorization(String mailbox, String password, String sharedSecret, Clock clock, Supplier<String> nonces) {
        if (mailbox == null || mailbox.isBlank()) {
            throw new IllegalArgumentException("The MESH mailbox id is not set");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("The MESH mailbox password is not set");
        }
        if (sharedSecret == null || sharedSecret.isEmpty()) {
            throw new IllegalArgumentException("The MESH shared secret is not set");
        }
        this.mailbox = mailbox.strip().toUpperCase(java.util.Locale.ROOT);
        this.password = password;
        this.sharedSecret = sharedSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = nonces;
    }

    /** The mailbox the tokens are for. */
    public String mailbox() {
        return mailbox;
    }

    /** A new header value, good for one request. */
    public String nextToken() {
        String nonce = nonces.get();
        String timestamp = TIMESTAMP.format(clock.instant());
        String hash = hmacHex(sharedSecret, String.join(":", mailbox, nonce, NONCE_COUNT, password, timestamp));
        return SCHEME + String.join(":", mailbox, nonce, NONCE_COUNT, timestamp, hash);
    }

    /** Lower-case hex HMAC-SHA256 of {@code message} (UTF-8) keyed with {@code key}. */
    static String hmacHex(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // says nothing of the key or message
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "MeshAuthorization[mailbox=" + mailbox + "]";
    }
}
