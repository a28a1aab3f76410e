package org.ndoo.gateway.bench;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table, built row by row. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();

    Table(String... headings) {
        rows.add(headings);
    }

    Table row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = String.valueOf(cells[i]);
        }
        rows.add(text);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
            if (r == 0) {
                out.append("|").append("---|".repeat(rows.get(0).length)).append('\n');
            }
        }
        return out.toString();
    }

    /** 1234567 as "1,234,567". */
    static String n(long value) {
        return String.format("%,d", value);
    }

    /** Rows per second. */
    static String rate(long rows, long millis) {
        return millis <= 0 ? "-" : n(rows * 1000 / millis);
    }

    static String mb(long kb) {
        return kb < 0 ? "-" : n(Math.round(kb / 1024.0));
    }
}
