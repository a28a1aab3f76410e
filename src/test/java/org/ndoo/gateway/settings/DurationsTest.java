package org.ndoo.gateway.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
            "500ms,   PT0.5S",
            "30s,     PT30S",
            "5m,      PT5M",
            "24h,     PT24H",
            "2d,      PT48H",
            "PT24H,   PT24H",
            "pt90s,   PT1M30S",
            "P1D,     PT24H",
            "1500,    PT1.5S",
            "0,       PT0S",
            "' 5M ',  PT5M",
            "'10 s',  PT10S",
            "10MS,    PT0.01S"})
    void readsOperatorDurations(String text, String expected) {
        assertEquals(Duration.parse(expected), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "ms", "5 weeks", "1.5h", "5x"})
    void refusesAnythingElse(String text) {
        assertThrows(NumberFormatException.class, () -> Durations.parse(text));
    }

    @Test
    void refusesABadIsoDuration() {
        assertThrows(DateTimeParseException.class, () -> Durations.parse("PT5X"));
    }
}
