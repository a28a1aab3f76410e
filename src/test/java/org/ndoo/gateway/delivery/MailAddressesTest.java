package org.ndoo.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailAddressesTest {

    @ParameterizedTest
    @CsvSource({
            "a@nhs.net,                   a@nhs.net,              nhs.net",
            "First.Last@NHS.NET,          First.Last@nhs.net,     nhs.net",
            "o'brien+ndoo@mail.Example.org, o'brien+ndoo@mail.example.org, mail.example.org",
            "x1@a-b.co.uk,                x1@a-b.co.uk,           a-b.co.uk"})
    void acceptsOnePlainAddressAndLowerCasesOnlyTheDomain(String address, String normalised, String domain) {
        assertEquals(normalised, MailAddresses.normalise(address));
        assertEquals(domain, MailAddresses.domainOf(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "@nhs.net", "a@", "a@@nhs.net", "a@b@nhs.net", "a@nhs.net,b@nhs.net",
            "a b@nhs.net", " a@nhs.net", "a@nhs.net ", "a@nhs.net\n", "a@nhs.net\r\nBcc: x@nhs.net",
            "\"quoted\"@nhs.net", "Name <a@nhs.net>", "<a@nhs.net>", "a@nhs.net (comment)", ".a@nhs.net", "a.@nhs.net",
            "a..b@nhs.net", "a@nhs", "a@-nhs.net", "a@nhs-.net", "a@nhs..net", "a@nhs.net.", "a@[127.0.0.1]",
            "a@nhs.n3t", "ä@nhs.net", "a@nhs.nét"})
    void refusesAnythingElse(String address) {
        assertNull(MailAddresses.normalise(address), address);
        assertNull(MailAddresses.domainOf(address), address);
    }

    @Test
    void refusesNull() {
        assertNull(MailAddresses.normalise(null));
        assertNull(MailAddresses.domainOf(null));
    }

    @Test
    void refusesOverlongParts() {
        String local64 = "a".repeat(64);
        assertEquals(local64 + "@nhs.net", MailAddresses.normalise(local64 + "@nhs.net"));
        assertNull(MailAddresses.normalise("a" + local64 + "@nhs.net"), "local part over 64");

        assertEquals(addressOfLength(254), MailAddresses.normalise(addressOfLength(254)));
        assertNull(MailAddresses.normalise(addressOfLength(255)), "address over 254");
    }

    /** {@code a@b...b.b...b.b...b.c...c.nhs.net}, exactly {@code length} characters, no label over 63. */
    private static String addressOfLength(int length) {
        String address = "a@" + ("b".repeat(62) + ".").repeat(3) + "c".repeat(length - 199) + ".nhs.net";
        assertEquals(length, address.length());
        return address;
    }

    @ParameterizedTest
    @CsvSource({
            "plain@nhs.net,           plain@nhs.net",
            "'a@nhs.net\r\nBcc: x',   'a@nhs.net??Bcc: x'",
            "'tab\there',             'tab?here'",
            "'naïve',                 'na?ve'"})
    void quoteSafelyKeepsOnlyPrintableAscii(String untrusted, String expected) {
        assertEquals(expected, MailAddresses.quoteSafely(untrusted));
    }

    @Test
    void quoteSafelyShortensTo80Characters() {
        assertEquals("x".repeat(80), MailAddresses.quoteSafely("x".repeat(500)));
        assertEquals("", MailAddresses.quoteSafely(null));
    }
}
