package org.ndoo.gateway.intake;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InboxNameRepairTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void bytesThatAreNotUtf8AreReadAsWindows1252() {
        InboxNameRepair repair = new InboxNameRepair("inbox", StandardCharsets.UTF_8, null);
        assertEquals("Café – liste.csv", repair.readableName("Café – liste.csv".getBytes(WINDOWS_1252)));
        assertEquals("north_south.csv", repair.readableName("north\\south.csv".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void underAnAsciiLocaleWhatCannotBeNamedBecomesAnUnderscore() {
        InboxNameRepair repair = new InboxNameRepair("inbox", StandardCharsets.US_ASCII, null);
        assertEquals("Caf_.csv", repair.readableName("Café.csv".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Caf_.csv", repair.readableName("Café.csv".getBytes(WINDOWS_1252)));
    }

    @Test
    void theOldNameIsShownWithItsBytes() {
        assertEquals("Caf%E9 100%25.csv", InboxNameRepair.shown("Café 100%.csv".getBytes(WINDOWS_1252)));
        assertEquals("a%0Ab%C3%A9", InboxNameRepair.shown("a\nbé".getBytes(StandardCharsets.UTF_8)));
    }
}
