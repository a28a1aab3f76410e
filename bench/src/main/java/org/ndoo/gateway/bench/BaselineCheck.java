package org.ndoo.gateway.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The baseline: a minimal single-threaded program doing only the essential work on one extract, the way a
 * competent developer would write it with the JDK alone. Read the rows, take the NHS-number column, validate
 * (ten digits, mod 11, not one repeated digit), drop repeats, look each up in the opt-out set (both sets of
 * primitive longs, as a boxed {@code HashSet<Long>} of a million numbers spends most of its time in the garbage
 * collector under a 512 MB heap), write the response
 * file ({@code nhs_number} header, permitted numbers in first-seen order, zipped above 5,000,000 bytes with the
 * fastest compression, exactly as the gateway attaches it).
 * <p>
 * {@code BaselineCheck <extract> <register> <response-dir> <warm-up-extract>}: loads the register, runs once on the
 * warm-up extract and prints {@code ready}; then runs once on the extract for each {@code run} line on its standard
 * input, printing {@code run <ms>}, so that the benchmark can time it between the gateway's drops
 * ({@link BaselineProcess}). At the end of the input it prints {@code result ...} and {@code rss-peak-kb ...}.
 */
public final class BaselineCheck {

    private static final long ZIP_ABOVE_BYTES = 5_000_000;

    public static void main(String[] args) throws Exception {
        Path extract = Paths.get(args[0]);
        LongSet optedOut = readRegister(Paths.get(args[1]));
        Path responseDir = Paths.get(args[2]);
        Path warmUp = Paths.get(args[3]);
        Result result = check(warmUp, optedOut, responseDir.resolve("warm-up-permitted.csv"));
        System.out.println("ready");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        while ("run".equals(commands.readLine())) {
            long start = System.nanoTime();
            result = check(extract, optedOut, responseDir.resolve("baseline-permitted.csv"));
            System.out.println("run " + (System.nanoTime() - start) / 1_000_000);
        }
        System.out.println("result rows=" + result.rows + " invalid=" + result.invalid + " duplicates="
                + result.duplicates + " checked=" + result.checked + " permitted=" + result.permitted
                + " sha256=" + Measurements.responseSha256(result.response));
        System.out.println("rss-peak-kb " + Measurements.peakRssKb(ProcessHandle.current().pid()));
    }

    record Result(long rows, long invalid, long duplicates, long checked, long permitted, Path response) {
    }

    static Result check(Path extract, LongSet optedOut, Path csv) throws Exception {
        long rows = 0;
        long invalid = 0;
        long duplicates = 0;
        long permitted = 0;
        LongSet seen = new LongSet();
        try (BufferedReader in = Files.newBufferedReader(extract, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.US_ASCII)) {
            String header = in.readLine();
            int column = java.util.Arrays.asList(header.split(",")).indexOf("nhs_number");
            out.write("nhs_number\n");
            String line;
            while ((line = in.readLine()) != null) {
                rows++;
                String digits = line.split(",")[column].strip();
                if (!isValid(digits)) {
                    invalid++;
                    continue;
                }
                long number = Long.parseLong(digits);
                if (!seen.add(number)) {
                    duplicates++;
                } else if (!optedOut.contains(number)) {
                    out.write(digits);
                    out.write('\n');
                    permitted++;
                }
            }
        }
        Path response = csv;
        if (Files.size(csv) > ZIP_ABOVE_BYTES) {
            Path zip = csv.resolveSibling(csv.getFileName().toString().replace(".csv", ".zip"));
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
                zipOut.setLevel(Deflater.BEST_SPEED);
                zipOut.putNextEntry(new ZipEntry(csv.getFileName().toString()));
                Files.copy(csv, zipOut);
                zipOut.closeEntry();
            }
            Files.delete(csv);
            response = zip;
        }
        return new Result(rows, invalid, duplicates, seen.size(), permitted, response);
    }

    /** Ten digits, the last the mod-11 check digit of the others, not one digit repeated. */
    static boolean isValid(String digits) {
        if (digits.length() != 10) {
            return false;
        }
        int sum = 0;
        boolean allSame = true;
        for (int i = 0; i < 10; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < 9) {
                sum += (c - '0') * (10 - i);
            }
            allSame &= c == digits.charAt(0);
        }
        int check = (11 - sum % 11) % 11;
        return check != 10 && check == digits.charAt(9) - '0' && !allSame;
    }

    static LongSet readRegister(Path register) throws IOException {
        LongSet numbers = new LongSet();
        try (BufferedReader in = Files.newBufferedReader(register, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    numbers.add(Long.parseLong(line.strip()));
                }
            }
        }
        return numbers;
    }

    /** A set of positive longs: open addressing, linear probing, grown at half full. */
    static final class LongSet {

        private long[] slots = new long[1 << 16];
        private int size;

        boolean add(long value) {
            int i = slotOf(value);
            if (slots[i] == value) {
                return false;
            }
            slots[i] = value;
            if (++size * 2 > slots.length) {
                grow();
            }
            return true;
        }

        boolean contains(long value) {
            return slots[slotOf(value)] == value;
        }

        /** Where {@code value} is, or the empty slot where it would go. */
        private int slotOf(long value) {
            int mask = slots.length - 1;
            int i = (int) ((value * 0x9E3779B97F4A7C15L) >>> 32) & mask;
            while (slots[i] != 0 && slots[i] != value) {
                i = (i + 1) & mask;
            }
            return i;
        }

        int size() {
            return size;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            size = 0;
            for (long value : old) {
                if (value != 0) {
                    add(value);
                }
            }
        }
    }
}
