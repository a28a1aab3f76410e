package org.ndoo.gateway.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.ndoo.gateway.nhsnumber.NhsNumbers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * ns per NHS number: the gateway's parser and validator ({@link NhsNumbers#normalise}) against a straightforward
 * regex-and-parse version, on the same mix of cells as the extracts: 999-range numbers, 1% with a wrong check
 * digit, 10% written with spaces ({@code 999 123 4567}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class NhsNumberParsing {

    static final int CELLS = 4096;

    private static final Pattern SEPARATORS = Pattern.compile("[ -]");
    private static final Pattern TEN_DIGITS = Pattern.compile("[0-9]{10}");

    private String[] cells;

    @Setup
    public void cells() {
        int[] pool = SyntheticExtract.validPrefixes();
        SplittableRandom random = new SplittableRandom(42);
        cells = new String[CELLS];
        for (int i = 0; i < CELLS; i++) {
            int prefix = pool[random.nextInt(pool.length)];
            int check = SyntheticExtract.checkDigit(prefix);
            int dice = random.nextInt(100);
            String number = prefix + Integer.toString(dice == 0 ? (check + 1) % 10 : check);
            cells[i] = dice < 10 ? number.substring(0, 3) + " " + number.substring(3, 6) + " " + number.substring(6) : number;
        }
    }

    @Benchmark
    @OperationsPerInvocation(CELLS)
    public void gatewayParser(Blackhole out) {
        for (String cell : cells) {
            out.consume(NhsNumbers.normalise(cell));
        }
    }

    @Benchmark
    @OperationsPerInvocation(CELLS)
    public void regexAndParse(Blackhole out) {
        for (String cell : cells) {
            out.consume(regexAndParse(cell));
        }
    }

    /** The straightforward version: strip separators with a regex, match ten digits, parse, check mod 11. */
    static String regexAndParse(String cell) {
        String digits = SEPARATORS.matcher(cell).replaceAll("");
        if (!TEN_DIGITS.matcher(digits).matches()) {
            return null;
        }
        long number = Long.parseLong(digits);
        int check = (int) (number % 10);
        long rest = number / 10;
        int sum = 0;
        for (int weight = 2; weight <= 10; weight++) {
            sum += (int) (rest % 10) * weight;
            rest /= 10;
        }
        int expected = (11 - sum % 11) % 11;
        boolean repeated = digits.chars().allMatch(c -> c == digits.charAt(0));
        return expected != 10 && expected == check && !repeated ? digits : null;
    }
}
