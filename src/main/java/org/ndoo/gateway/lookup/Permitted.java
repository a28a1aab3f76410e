package org.ndoo.gateway.lookup;

import java.util.List;

/**
 * The numbers of one chunk that may be used, in the chunk's (so the input's) order: {@code lines} holds them one per
 * line, each LF-terminated, ready to be appended to the response file as it is; {@code count} says how many.
 */
public record Permitted(String lines, int count) {

    public Permitted {
        if (count == 0 ? !lines.isEmpty() : lines.isEmpty() || lines.charAt(lines.length() - 1) != '\n') {
            throw new IllegalArgumentException("permitted lines must be LF-terminated, " + count + " of them");
        }
    }

    /** The permitted numbers {@code numbers}, in their order. */
    public static Permitted of(List<String> numbers) {
        StringBuilder lines = new StringBuilder(numbers.size() * 11);
        numbers.forEach(n -> lines.append(n).append('\n'));
        return new Permitted(lines.toString(), numbers.size());
    }

    /** The numbers one by one (for the national service's replies, kept per chunk until delivery). */
    public List<String> numbers() {
        return lines.lines().toList();
    }
}
