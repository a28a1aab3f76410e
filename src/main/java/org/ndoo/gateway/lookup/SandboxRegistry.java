package org.ndoo.gateway.lookup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.ndoo.gateway.nhsnumber.NhsNumberSet;
import org.ndoo.gateway.nhsnumber.NhsNumbers;

/**
 * The built-in stand-in for the national opt-out register: a file of synthetic (999-range) NHS numbers that have
 * "opted out", one per line ({@code gateway.lookup.sandbox.optouts}). It answers like the HTTP lookup contract: the
 * asked numbers that may be used, one per line.
 */
public final class SandboxRegistry {

    private final NhsNumberSet optedOut = new NhsNumberSet();

    public SandboxRegistry(String optOutsFile) {
        Path file = Paths.get(optOutsFile);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String value = (lineNumber == 1 ? line.replace("\uFEFF", "") : line).strip();
                if (value.isEmpty() || value.startsWith("#")) {
                    continue;
                }
                String number = NhsNumbers.normalise(value);
                if (number == null) {
                    throw new IllegalArgumentException("Line " + lineNumber + " of " + file + " is not a valid NHS number");
                }
                optedOut.add(number);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox opt-out file " + file, e);
        }
    }

    /** How many numbers are registered as opted out. */
    public int size() {
        return optedOut.size();
    }

    /** The numbers of {@code chunk} (one per line) that may be used, one per line, LF-terminated. */
    public String answer(String chunk) {
        StringBuilder permitted = new StringBuilder(chunk.length());
        // the usual chunk: every line ten digits and an LF, read in place
        for (int at = 0; at < chunk.length(); at += 11) {
            if (at + 10 >= chunk.length() || chunk.charAt(at + 10) != '\n' || !NhsNumbers.isValid(chunk, at)) {
                return answerLineByLine(chunk);
            }
            if (!optedOut.contains(chunk, at)) {
                permitted.append(chunk, at, at + 11);
            }
        }
        return permitted.toString();
    }

    /** Any other chunk: CR or CRLF line ends, spaces, blank lines, numbers written with spaces. */
    private String answerLineByLine(String chunk) {
        StringBuilder permitted = new StringBuilder(chunk.length());
        Lines lines = new Lines(chunk);
        while (lines.next()) {
            String valid = lines.isEmpty() ? null : NhsNumbers.normalise(lines.current());
            if (valid != null && !optedOut.contains(valid)) {
                permitted.append(valid).append('\n');
            }
        }
        return permitted.toString();
    }
}
