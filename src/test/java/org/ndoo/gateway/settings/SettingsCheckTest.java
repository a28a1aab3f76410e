package org.ndoo.gateway.settings;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsCheckTest {

    @Test
    void acceptsTheDocumentedValues() {
        assertDoesNotThrow(() -> new SettingsCheck("sandbox", "pickup", 100_000));
        assertDoesNotThrow(() -> new SettingsCheck("http", "smtp", 1));
    }

    @Test
    void refusesAnUnknownLookupType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SettingsCheck("carrier-pigeon", "pickup", 100));
        assertTrue(e.getMessage().contains("gateway.lookup.type"), e.getMessage());
    }

    @Test
    void refusesAnUnknownTransportAndAnOversizedChunk() {
        assertThrows(IllegalArgumentException.class, () -> new SettingsCheck("http", "sendmail", 100));
        assertThrows(IllegalArgumentException.class, () -> new SettingsCheck("http", "smtp", 100_001));
        assertThrows(IllegalArgumentException.class, () -> new SettingsCheck("http", "smtp", 0));
    }
}
