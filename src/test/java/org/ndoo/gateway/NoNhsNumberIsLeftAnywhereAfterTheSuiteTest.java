package org.ndoo.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.PrivacyEvidence;

/**
 * The scan after the whole suite (its own surefire execution, pom.xml, after every other test): no NHS number that
 * any test used as input is in any gateway log line (in-process and every gateway JVM's), audit record, page source,
 * response header or cookie the tests were served, email header or text ({@link PrivacyEvidence}), or in the tests'
 * own output
 * ({@code target/surefire-reports}). The gateway writes no access log of its own; its pages are all scanned here.
 * <p>
 * Input numbers: every ten-digit run in the tests' sources and fixtures, and the whole synthetic 999 range the tests
 * generate from. A finding names the file and line, never the number.
 */
class NoNhsNumberIsLeftAnywhereAfterTheSuiteTest {

    /**
     * Ten digits, or 3-3-4 with one space or dash between the groups (as people write NHS numbers; not 6-4 like a
     * MESH file name's date and sequence), standing alone (not inside a longer word, hash or token).
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z_])([0-9]{3})([ -]?)([0-9]{3})\\2([0-9]{4})(?![0-9A-Za-z_])");
    private static final Path REPORTS = Path.of("target", "surefire-reports");

    @Test
    void noInputNumberInLogsAuditPagesCookiesOrTestOutput() throws IOException {
        assertTrue(Files.exists(PrivacyEvidence.LOG_START),
                "no evidence of a test run: run the suite (mvn test), which starts " + PrivacyEvidence.DIR);
        Set<String> inputs = inputNumbers();
        List<String> findings = new ArrayList<>();
        int[] files = {0};
        for (Path file : evidence()) {
            files[0]++;
            scan(file, 0, inputs, findings);
        }
        long start = Long.parseLong(Files.readString(PrivacyEvidence.LOG_START).strip());
        if (Files.exists(PrivacyEvidence.IN_PROCESS_LOG)) {
            scan(PrivacyEvidence.IN_PROCESS_LOG, start, inputs, findings);
        }
        System.out.println("Privacy scan: " + files[0] + " evidence files and the in-process log from byte " + start
                + ", " + inputs.size() + " input numbers known besides the 999 range, " + findings.size() + " findings");
        assertEquals(List.of(), findings.stream().limit(50).toList(), findings.size() + " places hold an input NHS number");
    }

    @Test
    void theScanFindsANumberWrittenAnyWay() {
        Set<String> inputs = Set.of("9434765919");
        for (String line : List.of("x=9991234568;", "number 943 476 5919.", "\"nhs\":\"943-476-5919\"", "<td>9990000018</td>")) {
            assertTrue(holds(line, inputs), line);
        }
        for (String line : List.of("took 9434765919001 ns", "token abc9991234568def", "2026-12-02T04:35:42Z", "12345",
                "8HQ50OT001-943476-5919.dat")) {
            assertTrue(!holds(line, inputs), line);
        }
    }

    private static boolean holds(String line, Set<String> inputs) {
        Matcher m = NUMBER.matcher(line);
        while (m.find()) {
            String digits = m.group(1) + m.group(3) + m.group(4);
            if (digits.startsWith("999") || inputs.contains(digits)) {
                return true;
            }
        }
        return false;
    }

    private static void scan(Path file, long from, Set<String> inputs, List<String> findings) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(Math.min(from, Files.size(file)));
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (holds(line.replace("\0", ""), inputs)) {
                    findings.add(file + (from > 0 ? " (from byte " + from + ")" : "") + " line " + number);
                }
            }
        }
    }

    /** Everything the suite kept, and the tests' own output (but not this scan's). */
    private static List<Path> evidence() throws IOException {
        List<Path> files = new ArrayList<>(regularFiles(PrivacyEvidence.DIR));
        regularFiles(REPORTS).stream()
                .filter(p -> !p.getFileName().toString().contains(NoNhsNumberIsLeftAnywhereAfterTheSuiteTest.class.getSimpleName()))
                .forEach(files::add);
        return files;
    }

    /** Every ten-digit run in the tests' sources and fixtures (as text, and as UTF-16 with its zero bytes gone). */
    private static Set<String> inputNumbers() throws IOException {
        Set<String> numbers = new HashSet<>();
        for (Path root : List.of(Path.of("src", "test", "java"), Path.of("src", "test", "resources"))) {
            for (Path file : regularFiles(root)) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).replace("\0", "");
                Matcher m = NUMBER.matcher(text);
                while (m.find()) {
                    numbers.add(m.group(1) + m.group(3) + m.group(4));
                }
            }
        }
        return numbers;
    }

    private static List<Path> regularFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
