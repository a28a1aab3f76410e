package org.ndoo.gateway.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class MeshAuthorizationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:05:59Z"), ZoneOffset.UTC);
    private static final Pattern TOKEN = Pattern.compile(
            "NHSMESH ([A-Z0-9]+):([0-9a-f-]{36}):(0):(\\d{12}):([0-9a-f]{64})");

    @Test
    void matchesAnHmacComputedIndependently() throws Exception {
        String nonce = "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
        MeshAuthorization authorization = new MeshAuthorization("X26ABC1", "password", "TestKey", CLOCK, () -> nonce);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("TestKey".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expectedHash = HexFormat.of().formatHex(
                mac.doFinal(("X26ABC1:" + nonce + ":0:password:202611230905").getBytes(StandardCharsets.UTF_8)));

        assertEquals("NHSMESH X26ABC1:" + nonce + ":0:202611230905:" + expectedHash, authorization.nextToken());
    }

    @Test
    void tokenHasTheSchemeFivePartsAndTheUtcMinute() {
        MeshAuthorization authorization = new MeshAuthorization("x26abc1", "password", "TestKey", CLOCK);

        Matcher m = TOKEN.matcher(authorization.nextToken());

        assertTrue(m.matches(), "token format");
        assertEquals("X26ABC1", m.group(1), "mailbox upper-cased");
        assertEquals("202611230905", m.group(4));
    }

    @Test
    void everyTokenHasAFreshNonce() {
        MeshAuthorization authorization = new MeshAuthorization("X26ABC1", "password", "TestKey", CLOCK);

        Matcher first = TOKEN.matcher(authorization.nextToken());
        Matcher second = TOKEN.matcher(authorization.nextToken());

        assertTrue(first.matches() && second.matches());
        assertNotEquals(first.group(2), second.group(2));
        assertNotEquals(first.group(5), second.group(5));
    }

    @Test
    void secretsAreNeverShown() {
        MeshAuthorization authorization = new MeshAuthorization("X26ABC1", "s3cret-pass", "shared-k3y", CLOCK);

        assertFalse(authorization.toString().contains("s3cret-pass"));
        assertFalse(authorization.toString().contains("shared-k3y"));
        assertFalse(authorization.nextToken().contains("s3cret-pass"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new MeshAuthorization("X26ABC1", "s3cret-pass", "", CLOCK));
        assertFalse(missing.getMessage().contains("s3cret-pass"));
    }
}
