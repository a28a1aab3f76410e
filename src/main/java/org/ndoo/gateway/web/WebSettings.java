package org.ndoo.gateway.web;

import java.util.function.Function;

import org.ndoo.gateway.settings.SettingsCheck;
import org.ndoo.gateway.startup.StartupRefused;

/**
 * The web front door's settings, checked at start-up (from settings.SettingsCheck, before anything is made): a
 * sign-in mode, lifetimes, limits and history that could not work stop the gateway with one line naming the key.
 */
public final class WebSettings {

    private WebSettings() {
    }

    /** Throws a {@link StartupRefused} naming the first gateway.web.* setting that cannot work. */
    public static void check(Function<String, String> setting) {
        String auth = orElse(setting.apply("gateway.web.auth"), "email-link");
        if (!WebBeans.AUTH_MODES.contains(auth)) {
            throw new StartupRefused("gateway.web.auth must be one of " + WebBeans.AUTH_MODES.stream().sorted().toList()
                    + ", not '" + auth + "'");
        }
        WebBeans.positive("gateway.web.sign-in-link-minutes", orElse(setting.apply("gateway.web.sign-in-link-minutes"), "15"));
        WebBeans.positive("gateway.web.session-minutes", orElse(setting.apply("gateway.web.session-minutes"), "60"));
        WebBeans.positive("gateway.web.sign-in-limit", orElse(setting.apply("gateway.web.sign-in-limit"), "5"));
        WebBeans.positive("gateway.web.history-days", orElse(setting.apply("gateway.web.history-days"), "7"));
        SettingsCheck.duration("gateway.web.sign-in-window", orElse(setting.apply("gateway.web.sign-in-window"), "15m"));
        String base = orElse(setting.apply("gateway.web.base-url"), "");
        if (!base.isEmpty() && !base.startsWith("http://") && !base.startsWith("https://")) {
            throw new StartupRefused("gateway.web.base-url must start with https:// or http://, not '" + base + "'");
        }
    }

    private static String orElse(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }
}
