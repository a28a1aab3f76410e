package org.ndoo.gateway.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Valid NHS numbers in the synthetic 999 range, computed here independently of the production validator, and the
 * test register of opt-outs: every 19th synthetic number (about 5.3%, close to the national rate).
 */
public final class SyntheticNhsNumbers {

    /** How many synthetic numbers there are to use (the 999 range holds about 909,000 valid ones). */
    public static final int REGISTER_SIZE = 900_000;

    private static List<String> all;

    private SyntheticNhsNumbers() {
    }

    /** The {@code count} valid synthetic numbers starting at position {@code from} of the sequence. */
    public static synchronized List<String> valid(int from, int count) {
        if (all == null) {
            all = generate(REGISTER_SIZE);
        }
        return new ArrayList<>(all.subList(from, from + count));
    }

    /** Whether the test register lists {@code number} as opted out. */
    public static boolean isOptedOut(String number) {
        int index = indexOf(number);
        return index >= 0 && index % 19 == 7;
    }

    /** The numbers of {@code input} that may be used: distinct, in first-seen order, opted-out ones removed. */
    public static List<String> permitted(List<String> input) {
        return input.stream().distinct().filter(n -> !isOptedOut(n)).collect(Collectors.toList());
    }

    /** Writes the test register (one opted-out number per line) and returns it. */
    public static Path writeRegister(Path dir) throws IOException {
        List<String> optedOut = valid(0, REGISTER_SIZE).stream().filter(SyntheticNhsNumbers::isOptedOut).toList();
        return Files.write(dir.resolve("test-optouts.txt"), optedOut);
    }

    /** The same number in display form, {@code 999 000 1006}. */
    public static String spaced(String number) {
        return number.substring(0, 3) + " " + number.substring(3, 6) + " " + number.substring(6);
    }

    /** Nine digits and their mod-11 check digit (weights 10..2, 11 becomes 0); a prefix giving 10 is an error. */
    public static String withCheckDigit(String nine) {
        int check = checkDigit(nine);
        if (check == 10) {
            throw new IllegalArgumentException(nine + " has no valid check digit");
        }
        return nine + check;
    }

    private static int checkDigit(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        return (11 - sum % 11) % 11;
    }

    private static int indexOf(String number) {
        valid(0, 1);
        int low = 0;
        int high = all.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = all.get(mid).compareTo(number);
            if (cmp == 0) {
                return mid;
            }
            if (cmp < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -1;
    }

    private static List<String> generate(int count) {
        List<String> numbers = new ArrayList<>(count);
        for (long prefix = 999_000_000L; numbers.size() < count; prefix++) {
            String digits = Long.toString(prefix);
            int check = checkDigit(digits);
            if (check != 10 && !(digits + check).equals("9999999999")) {
                numbers.add(digits + check);
            }
        }
        return numbers;
    }
}
