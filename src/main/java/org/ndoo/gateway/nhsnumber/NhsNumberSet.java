package org.ndoo.gateway.nhsnumber;

import java.util.Arrays;

/**
 * A set of valid NHS numbers held as their nine-digit prefixes in a primitive open-addressing table, kept at most
 * half full: 8 to 16 bytes a number (ten million numbers: 128 MB at most), against about 60 for a HashSet of
 * Strings.
 */
public final class NhsNumberSet {

    private static final int EMPTY = -1;

    private int[] slots;
    private int size;

    public NhsNumberSet() {
        this(1024);
    }

    public NhsNumberSet(int expected) {
        slots = new int[tableSizeFor(expected)];
        Arrays.fill(slots, EMPTY);
    }

    /** Adds a valid ten-digit number; {@code false} if it was already there. */
    public boolean add(String tenDigits) {
        return addPrefix(NhsNumbers.prefix(tenDigits));
    }

    public boolean contains(String tenDigits) {
        return containsPrefix(NhsNumbers.prefix(tenDigits));
    }

    /** Whether the valid number at {@code from} in {@code text} is in the set; reads it in place. */
    public boolean contains(CharSequence text, int from) {
        return containsPrefix(NhsNumbers.prefix(text, from));
    }

    /** Adds the valid number at {@code from} in {@code text}; {@code false} if it was already there. */
    public boolean add(CharSequence text, int from) {
        return addPrefix(NhsNumbers.prefix(text, from));
    }

    private boolean containsPrefix(int prefix) {
        int mask = slots.length - 1;
        for (int i = mix(prefix) & mask; slots[i] != EMPTY; i = (i + 1) & mask) {
            if (slots[i] == prefix) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    private boolean addPrefix(int prefix) {
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = mix(prefix) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == prefix) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = prefix;
        size++;
        return true;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        Arrays.fill(slots, EMPTY);
        size = 0;
        for (int prefix : old) {
            if (prefix != EMPTY) {
                addPrefix(prefix);
            }
        }
    }

    private static int mix(int value) {
        int h = value * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int tableSizeFor(int expected) {
        int n = 16;
        while (n < expected * 2 && n < (1 << 30)) {
            n <<= 1;
        }
        return n;
    }
}
