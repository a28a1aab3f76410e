package org.ndoo.gateway.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Synthetic extracts for the benchmark, all in the 999 test range: {@code record_id,nhs_number} with a header row,
 * about 1% invalid numbers (wrong check digit) and 2% deliberate repeats of an earlier number; and a sandbox
 * register in which about 5.4% of the valid numbers have opted out, like the national rate.
 * <p>
 * The 999 range holds only 909,091 valid numbers, so a file needing more distinct numbers than that starts the
 * range again: from about 940,000 rows on, repeats exceed 2% (1,000,000 rows: 9%; 10,000,000 rows: 91%). The
 * counts are printed with every run.
 */
public final class SyntheticExtract {

    /** Opt-outs per 1000 valid numbers (5.4%). */
    private static final int OPTED_OUT_PER_MILLE = 54;
    private static final int RANGE = 1_000_000;
    /** Coprime to 10^6: walks the range in a scrambled order, every 9-digit prefix once. */
    private static final long STRIDE = 738_017;

    private static final int[] POOL = validPrefixes();

    private SyntheticExtract() {
    }

    /** Every 9-digit prefix 999xxxxxx that has a check digit, in a fixed scrambled order (9999999999 left out). */
    static int[] validPrefixes() {
        int[] pool = new int[RANGE];
        int count = 0;
        for (long k = 0; k < RANGE; k++) {
            int prefix = 999_000_000 + (int) ((k * STRIDE + 12_345) % RANGE);
            int check = checkDigit(prefix);
            if (check >= 0 && prefix != 999_999_999) {
                pool[count++] = prefix;
            }
        }
        return java.util.Arrays.copyOf(pool, count);
    }

    /** The mod-11 check digit of a 9-digit prefix, or -1 when it has none (remainder gives 10). */
    static int checkDigit(int prefix) {
        int sum = 0;
        int rest = prefix;
        for (int weight = 2; weight <= 10; weight++) {
            sum += (rest % 10) * weight;
            rest /= 10;
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }

    static boolean optedOut(int prefix) {
        int h = prefix * 0x9E3779B1;
        return Integer.remainderUnsigned(h ^ (h >>> 16), 1000) < OPTED_OUT_PER_MILLE;
    }

    /** Writes the sandbox register: every opted-out number of the range, one per line. Returns how many. */
    public static int writeRegister(Path file) throws IOException {
        int count = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("# synthetic opt-outs for the benchmark: about 5.4% of the valid 999-range numbers\n");
            for (int prefix : POOL) {
                if (optedOut(prefix)) {
                    out.write(Integer.toString(prefix));
                    out.write((char) ('0' + checkDigit(prefix)));
                    out.write('\n');
                    count++;
                }
            }
        }
        return count;
    }

    /** Writes an extract of {@code rows} data rows; the same rows and seed always give the same file. */
    public static void write(Path file, long rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long fresh = 0;
        StringBuilder line = new StringBuilder(32);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
            out.write("record_id,nhs_number\n");
            for (long row = 1; row <= rows; row++) {
                int dice = random.nextInt(1000);
                line.setLength(0);
                line.append('R').append(row).append(',');
                if (dice < 10) {
                    int prefix = POOL[random.nextInt(POOL.length)];
                    int wrong = (checkDigit(prefix) + 1 + random.nextInt(9)) % 10;
                    line.append(prefix).append(wrong);
                } else {
                    int prefix = dice < 30 && fresh > 0
                            ? POOL[(int) (random.nextLong(Math.min(fresh, POOL.length)))]
                            : POOL[(int) (fresh++ % POOL.length)];
                    line.append(prefix).append(checkDigit(prefix));
                }
                out.append(line).append('\n');
            }
        }
    }

    /** A tiny extract of {@code rows} distinct valid numbers (for the drop-to-mail latency run). */
    public static void writeSmall(Path file, int rows) throws IOException {
        Files.writeString(file, "nhs_number\n" + String.join("\n", small(rows)) + "\n", StandardCharsets.US_ASCII);
    }

    /** The {@code rows} distinct valid numbers of {@link #writeSmall}. */
    static java.util.List<String> small(int rows) {
        java.util.List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i++) {
            numbers.add(Integer.toString(POOL[i]) + checkDigit(POOL[i]));
        }
        return numbers;
    }
}
