package org.ndoo.gateway.nhsnumber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class NhsNumberSetTest {

    @Test
    void addReturnsFalseForADuplicate() {
        NhsNumberSet set = new NhsNumberSet();
        assertTrue(set.add("9990000018"));
        assertFalse(set.add("9990000018"));
        assertEquals(1, set.size());
    }

    @Test
    void containsOnlyWhatWasAdded() {
        NhsNumberSet set = new NhsNumberSet();
        set.add("9990000018");
        set.add("9990000034");
        assertTrue(set.contains("9990000018"));
        assertTrue(set.contains("9990000034"));
        assertFalse(set.contains("9990000026"));
        assertFalse(set.contains("9434765919"));
    }

    @Test
    @Timeout(30) // a table that failed to grow would probe for ever
    void growsPastItsInitialCapacity() {
        List<String> numbers = synthetic(100_001);
        String neverAdded = numbers.remove(numbers.size() - 1);
        NhsNumberSet set = new NhsNumberSet(16);

        for (String number : numbers) {
            assertTrue(set.add(number), number);
        }

        assertEquals(100_000, set.size());
        for (String number : numbers) {
            assertTrue(set.contains(number), number);
        }
        assertFalse(set.contains(neverAdded));
        assertFalse(set.add(numbers.get(0)));
        assertFalse(set.add(numbers.get(99_999)));
        assertEquals(100_000, set.size());
    }

    @Test
    void defaultSizedSetAlsoGrows() {
        NhsNumberSet set = new NhsNumberSet();
        List<String> numbers = synthetic(5_000);
        numbers.forEach(set::add);
        assertEquals(5_000, set.size());
        assertTrue(numbers.stream().allMatch(set::contains));
    }

    /** The first {@code count} valid numbers from 999 000 000x, check digits computed here. */
    private static List<String> synthetic(int count) {
        List<String> numbers = new ArrayList<>(count);
        for (int prefix = 999_000_000; numbers.size() < count; prefix++) {
            String nine = Integer.toString(prefix);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                numbers.add(nine + check);
            }
        }
        return numbers;
    }
}
