package org.ndoo.gateway.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.startup.StartupRefused;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebSettingsTest {

    private static String refusal(Map<String, String> settings) {
        return assertThrows(StartupRefused.class, () -> WebSettings.check(settings::get)).getMessage();
    }

    @Test
    void theDefaultsWork() {
        assertDoesNotThrow(() -> WebSettings.check(key -> null));
    }

    @Test
    void eachUnusableSettingIsNamed() {
        assertEquals("gateway.web.auth must be one of [email-link, proxy-header], not 'password'",
                refusal(Map.of("gateway.web.auth", "password")));
        assertEquals("gateway.web.sign-in-link-minutes must be a whole number above 0, not '0'",
                refusal(Map.of("gateway.web.sign-in-link-minutes", "0")));
        assertEquals("gateway.web.session-minutes must be a whole number above 0, not '1h'",
                refusal(Map.of("gateway.web.session-minutes", "1h")));
        assertEquals("gateway.web.base-url must start with https:// or http://, not 'gateway.nhs.uk'",
                refusal(Map.of("gateway.web.base-url", "gateway.nhs.uk")));
        assertEquals(true, refusal(Map.of("gateway.web.sign-in-window", "PT15M")).startsWith("gateway.web.sign-in-window"));
    }
}
