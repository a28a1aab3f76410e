package org.ndoo.gateway.settings;

import java.time.Duration;
import java.util.Locale;

/** Reads durations as operators write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 24h}, {@code 2d}, or ISO {@code PT24H}. */
public final class Durations {

    private Durations() {
    }

    public static Duration parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("p")) {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        }
        String[] units = {"ms", "s", "m", "h", "d"};
        for (String unit : units) {
            if (value.endsWith(unit) && (!unit.equals("s") || !value.endsWith("ms"))) {
                long amount = Long.parseLong(value.substring(0, value.length() - unit.length()).strip());
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
        }
        return Duration.ofMillis(Long.parseLong(value));
    }
}
