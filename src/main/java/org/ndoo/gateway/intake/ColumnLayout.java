package org.ndoo.gateway.intake;

import java.util.ArrayList;
import java.util.List;

import org.ndoo.gateway.nhsnumber.NhsNumbers;
import org.ndoo.gateway.submission.NumberColumn;
import org.ndoo.gateway.submission.SubmissionRejected;
import org.ndoo.gateway.submission.Wording;

/**
 * Where the NHS number is in each row, decided from the first non-blank row (header rules in
 * {@link NhsNumberHeaders}).
 * <ul>
 * <li>A first row holding a valid NHS number in any cell is data (no header): the first column is read if it holds
 * one, else the one column that does; NHS numbers in several columns but not the first are refused (no guess).</li>
 * <li>One header cell that looks like an NHS-number column selects it. Several: the one whose normalised header is a
 * known NHS-number header; if none or more than one is, the file is refused with the candidate columns named.</li>
 * <li>Otherwise a first row whose first cell holds a letter is taken as a header, and the first column is read.</li>
 * <li>Otherwise there is no header and the first column is read.</li>
 * </ul>
 *
 * @param column           the column read, 0 for the first
 * @param firstRowIsHeader whether the first row is a header (and not data)
 * @param header           the column's header as an email may show it ({@code null} without a header row)
 */
record ColumnLayout(int column, boolean firstRowIsHeader, String header) {

    static ColumnLayout of(List<String> firstRow) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < firstRow.size(); i++) {
            if (NhsNumbers.normalise(firstRow.get(i)) != null) {
                numbers.add(i);
            }
        }
        if (!numbers.isEmpty()) {
            return dataRow(numbers);
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < firstRow.size(); i++) {
            if (NhsNumberHeaders.looksLikeNhsNumber(firstRow.get(i))) {
                candidates.add(i);
            }
        }
        if (candidates.size() == 1) {
            return headed(firstRow, candidates.get(0));
        }
        if (candidates.size() > 1) {
            List<Integer> known = candidates.stream().filter(i -> NhsNumberHeaders.isKnown(firstRow.get(i))).toList();
            if (known.size() == 1) {
                return headed(firstRow, known.get(0));
            }
            throw new SubmissionRejected(ambiguous(firstRow, candidates, known));
        }
        String first = firstRow.get(0);
        if (containsLetter(first) && !NhsNumbers.looksLikeSpreadsheetDamage(first)) {
            return headed(firstRow, 0);
        }
        return new ColumnLayout(0, false, null);
    }

    /** The column as the result email names it. */
    NumberColumn numberColumn() {
        return new NumberColumn(column + 1, header);
    }

    static boolean isNhsNumberHeader(String cell) {
        return NhsNumberHeaders.looksLikeNhsNumber(cell);
    }

    private static ColumnLayout dataRow(List<Integer> numbers) {
        if (numbers.get(0) == 0 || numbers.size() == 1) {
            return new ColumnLayout(numbers.get(0), false, null);
        }
        List<String> positions = numbers.stream().map(i -> Integer.toString(i + 1)).toList();
        throw new SubmissionRejected("The file has no header row and its first row holds NHS numbers in "
                + numbers.size() + " columns (columns " + Wording.list(positions) + "). The gateway reads one column"
                + " and does not guess which. Leave only the NHS-number column to check, or add a header row with"
                + " \"NHS Number\" over it, and drop the file again.");
    }

    private static ColumnLayout headed(List<String> headerRow, int column) {
        return new ColumnLayout(column, true, NhsNumberHeaders.shown(headerRow.get(column)));
    }

    private static String ambiguous(List<String> headerRow, List<Integer> candidates, List<Integer> known) {
        List<String> named = candidates.stream().map(i -> named(headerRow, i)).toList();
        String why = known.isEmpty()
                ? "none of them is headed exactly as an NHS number (NHS Number, NHS No, nhs_number, NHSNumber, NHS)"
                : known.size() + " of them are headed exactly as an NHS number";
        return "The file has " + candidates.size() + " columns that could hold the NHS number: "
                + Wording.list(named) + ". The gateway reads one column and does not guess which: " + why + "."
                + " Leave only the column to check (delete the other columns, or rename their headers so they no"
                + " longer say NHS number) and drop the file again.";
    }

    /** {@code "NHS Number" (column 2)}, or {@code column 4 (header not shown)} for a header that cannot be. */
    private static String named(List<String> headerRow, int column) {
        String shown = NhsNumberHeaders.shown(headerRow.get(column));
        return shown.isEmpty() ? "column " + (column + 1) + " (header not shown)"
                : "\"" + shown + "\" (column " + (column + 1) + ")";
    }

    private static boolean containsLetter(String cell) {
        return cell.chars().anyMatch(Character::isLetter);
    }
}
