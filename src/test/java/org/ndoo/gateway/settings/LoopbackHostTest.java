package org.ndoo.gateway.settings;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopbackHostTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"})
    void thisMachine(String host) {
        assertTrue(LoopbackHost.is(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.10", "mail.example.org", "0.0.0.0", "", "no such host.invalid"})
    void anyOtherHost(String host) {
        assertFalse(LoopbackHost.is(host), host);
    }
}
