package org.ndoo.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The front door's static files, from the jar ({@code assets/}): the stylesheet and the refresh script. */
public final class WebAssets {

    private static final Map<String, String> TYPES = Map.of(
            "nhs.css", "text/css; charset=utf-8",
            "refresh.js", "text/javascript; charset=utf-8");

    private final Map<String, String> files;

    public WebAssets() {
        files = Map.of("nhs.css", load("nhs.css"), "refresh.js", load("refresh.js"));
    }

    /** The file {@code name}'s content; null if there is no such file. */
    public String file(String name) {
        return name == null ? null : files.get(name);
    }

    /** The file's content type; HTML (for the 404 answer) if there is no such file. */
    public String contentType(String name) {
        return name == null ? "text/html; charset=utf-8" : TYPES.getOrDefault(name, "text/html; charset=utf-8");
    }

    private static String load(String name) {
        try (InputStream in = WebAssets.class.getResourceAsStream("/assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("assets/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
