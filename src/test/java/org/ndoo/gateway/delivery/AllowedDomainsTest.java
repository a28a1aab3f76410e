package org.ndoo.gateway.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedDomainsTest {

    private final AllowedDomains domains = new AllowedDomains(" NHS.net , example.org ,");

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", ",", " , , "})
    void anEmptyListIsAnError(String configured) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AllowedDomains(configured));
        assertTrue(e.getMessage().contains("gateway.mail.allowed-domains"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@nhs.net", "a@NHS.NET", "b@example.org"})
    void allowsAddressesInAListedDomainIgnoringCase(String address) {
        assertTrue(domains.allows(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@mail.nhs.net", "a@nhs.net.example.com", "a@gmail.com", "a@example.org.uk",
            "Name <a@nhs.net>", "a@nhs.net,b@gmail.com", "nhs.net", ""})
    void refusesOtherDomainsAndAnythingButOnePlainAddress(String address) {
        assertFalse(domains.allows(address));
    }

    @Test
    void refusesNull() {
        assertFalse(domains.allows(null));
    }

    @Test
    void listsTheDomainsSortedAndNormalised() {
        assertEquals("example.org, nhs.net", domains.toString());
    }
}
