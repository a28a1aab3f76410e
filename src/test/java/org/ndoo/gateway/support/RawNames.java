package org.ndoo.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gives files and folders names made of raw bytes, as a Windows share with a legacy code page or an old copy tool
 * writes them: Java cannot name them itself (it encodes every name in the JVM's file-name encoding), so the shell does
 * it, with each byte written as an octal escape for printf.
 */
public final class RawNames {

    private RawNames() {
    }

    /** Renames {@code source} to the name {@code rawName} in {@code dir} (atomically, by mv); returns nothing Java can open. */
    public static void moveTo(Path source, Path dir, byte[] rawName) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : rawName) {
            escaped.append(String.format("\\%03o", b & 0xff));
        }
        run("mv -- \"$1\" \"$2/$(printf \"$3\")\"", source.toString(), dir.toString(), escaped.toString());
    }

    /** How many entries {@code dir} holds, by a listing that keeps raw names. */
    public static long entries(Path dir) {
        try (var stream = Files.list(dir)) {
            return stream.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(String script, String... args) {
        String[] command = new String[args.length + 4];
        command[0] = "/bin/sh";
        command[1] = "-c";
        command[2] = script;
        command[3] = "sh";
        System.arraycopy(args, 0, command, 4, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("Could not create a raw name: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
