package org.ndoo.gateway.mesh;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.util.TimeUtils;
import org.ndoo.gateway.settings.Secrets;
import org.ndoo.gateway.state.SharedState;
import org.ndoo.gateway.state.StateBeans;

/**
 * The settings of the MESH lookup, read by name from the gateway's properties as the beans are made:
 * {@code gateway.lookup.mesh.<name>} (documented in config/application.properties) and the wait repository's
 * {@code gateway.state.*}. A setting that cannot be used is refused in one line that names its key.
 */
final class MeshSettings {

    static final String KEY = "gateway.lookup.mesh.";

    private final CamelContext context;

    MeshSettings(CamelContext context) {
        this.context = context;
    }

    /** Whether MESH is the lookup in use ({@code gateway.lookup.type=mesh}). */
    boolean inUse() {
        return "mesh".equals(property("gateway.lookup.type", ""));
    }

    /** {@code gateway.lookup.mesh.<name>}, trimmed; {@code orElse} when it is not set. */
    String text(String name, String orElse) {
        return property(KEY + name, orElse);
    }

    /** {@code gateway.lookup.mesh.<name>}, refused when blank. */
    String required(String name) {
        String value = text(name, "");
        if (value.isEmpty()) {
            throw refused(name, "is required");
        }
        return value;
    }

    /** The switch {@code <name>}: true or false ({@code orElse} when it is not set). */
    boolean flag(String name, String orElse) {
        String value = text(name, orElse);
        if (!value.matches("(?i)true|false")) {
            throw refused(name, "must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    /** The secret {@code <name>}: the file named in {@code <name>-file} if set, else the value; may be empty. */
    String secret(String name) {
        try {
            return Secrets.resolve(text(name, ""), text(name + "-file", ""));
        } catch (RuntimeException e) {
            throw refused(name + "-file", "cannot be read");
        }
    }

    /** The readable file that {@code <name>} names. */
    Path store(String name) {
        Path path = Path.of(required(name));
        if (!Files.isReadable(path)) {
            throw refused(name, "names no readable file: " + path);
        }
        return path;
    }

    /** The duration {@code <name>} in milliseconds, over zero ({@code orElse} when it is not set). */
    long millis(String name, String orElse) {
        String value = text(name, orElse);
        try {
            long millis = TimeUtils.toMilliSeconds(value);
            if (millis > 0) {
                return millis;
            }
        } catch (RuntimeException e) {
            // refused below
        }
        throw new IllegalArgumentException(KEY + name + " must be a duration such as 500ms, 30s, 5m or 48h, not '"
                + value + "'");
    }

    /**
     * The wait repository of {@code gateway.state.*} (empty URL: the H2 file under {@code gateway.work.dir}; the
     * gateway clustered: the shared state database), trying completed waits again every {@code recoveryMillis}.
     */
    MeshWaitRepository waitRepository(long recoveryMillis) {
        SharedState shared = StateBeans.of(context);
        if (shared.clustered()) {
            return MeshWaitRepository.shared(() -> context, shared.dataSource(), recoveryMillis);
        }
        String state = "gateway.state.";
        return MeshWaitRepository.create(() -> context, property(state + "jdbc-url", ""),
                property(state + "username", ""),
                Secrets.resolve(property(state + "password", ""), property(state + "password-file", "")),
                property("gateway.work.dir", "work"), recoveryMillis);
    }

    /** Refused for MESH: {@code gateway.lookup.mesh.<name> <why> for gateway.lookup.type=mesh}. */
    static IllegalArgumentException refused(String name, String why) {
        return new IllegalArgumentException(KEY + name + " " + why + " for gateway.lookup.type=mesh");
    }

    private String property(String key, String orElse) {
        return context.resolvePropertyPlaceholders("{{" + key + ":" + orElse + "}}").strip();
    }
}
