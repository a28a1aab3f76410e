package org.ndoo.gateway.submission;

/**
 * The column a submission's NHS numbers were read from, as the result email names it: {@code column 2, "NHS Number"}
 * or {@code column 1, no header row}.
 *
 * @param position the column's position, 1 for the first
 * @param header   the header cell as it may be shown (already made safe, see {@code intake.HeaderText}); {@code null}
 *                 when the file has no header row; empty when the header cannot be shown
 */
public record NumberColumn(int position, String header) {

    /** How the email names it. */
    public String describe() {
        String column = "column " + position;
        if (header == null) {
            return column + ", no header row";
        }
        return header.isEmpty() ? column + " (its header is not shown: it holds more than a plain name)"
                : column + ", \"" + header + "\"";
    }
}
