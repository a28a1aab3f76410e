package org.ndoo.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A reply folder on the test SFTP server, as the pushing system sees it: the files under their final names, the
 * result record parsed, a file's SHA-256 as the record should give it.
 */
public record ReplyFolder(Path dir) {

    private static final JsonMapper JSON = new JsonMapper();

    /** The names in the folder, sorted; empty if it does not exist (yet). */
    public List<String> names() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the record {@code name} is there under its final name. */
    public boolean has(String name) {
        return Files.isRegularFile(dir.resolve(name));
    }

    public String text(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result record {@code name}, parsed. */
    public JsonNode record(String name) {
        try {
            return JSON.readTree(dir.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 of file {@code name}, in lower-case hex. */
    public String sha256(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(
                    dir.resolve(name))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
