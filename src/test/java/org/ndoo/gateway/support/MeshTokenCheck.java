package org.ndoo.gateway.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a MESH {@code Authorization} header the way MESH does, written here independently of the client: scheme
 * {@code NHSMESH }, five colon-separated parts, the mailbox of the URL, the HMAC-SHA256 (keyed with the shared
 * secret) of {@code mailbox:nonce:nonce_count:password:timestamp}, a timestamp within 2 hours, and each token used
 * once only.
 */
final class MeshTokenCheck {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private final byte[] sharedSecret;
    private final Map<String, String> passwords;
    private final Clock clock;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    MeshTokenCheck(String sharedSecret, Map<String, String> passwords, Clock clock) {
        this.sharedSecret = sharedSecret.getBytes(StandardCharsets.UTF_8);
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Whether {@code header} lets its holder act as {@code mailbox}; a valid token is spent by this call. */
    boolean accepts(String header, String mailbox) {
        if (header == null || !header.startsWith("NHSMESH ")) {
            return false;
        }
        String[] parts = header.substring("NHSMESH ".length()).split(":", -1);
        if (parts.length != 5 || !parts[0].equals(mailbox)) {
            return false;
        }
        String password = passwords.get(mailbox);
        if (password == null || !recent(parts[3])) {
            return false;
        }
        String expected = hmac(String.join(":", parts[0], parts[1], parts[2], password, parts[3]));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), parts[4].getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        return used.add(parts[0] + ":" + parts[1] + ":" + parts[2]);
    }

    private boolean recent(String timestamp) {
        try {
            LocalDateTime at = LocalDateTime.parse(timestamp, TIMESTAMP);
            Duration skew = Duration.between(at.toInstant(ZoneOffset.UTC), clock.instant()).abs();
            return skew.compareTo(Duration.ofHours(2)) <= 0;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sharedSecret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
