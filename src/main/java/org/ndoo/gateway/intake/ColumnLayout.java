package org.ndoo.gateway.intake;

import java.util.Locale;

import org.apache.commons.csv.CSVRecord;
import org.ndoo.gateway.nhsnumber.NhsNumbers;

/**
 * Where the NHS number is in each row, decided from the first non-blank row.
 * <ul>
 * <li>A first row holding a valid NHS number in any cell is data: no header, the first column is read.</li>
 * <li>A header cell named like an NHS number ({@code nhs_number}, {@code NHS Number}, {@code NHSNumber},
 * {@code NHS No}, {@code nhs}: case, spaces, underscores, dashes and dots ignored) selects its column.</li>
 * <li>Otherwise a first row whose first cell holds a letter is taken as a header, and the first column is read.</li>
 * <li>Otherwise there is no header and the first column is read.</li>
 * </ul>
 */
record ColumnLayout(int column, boolean firstRowIsHeader) {

    static ColumnLayout of(CSVRecord firstRow) {
        for (String cell : firstRow) {
            if (NhsNumbers.normalise(cell) != null) {
                return new ColumnLayout(0, false); // a row of data: no header
            }
        }
        for (int i = 0; i < firstRow.size(); i++) {
            if (isNhsNumberHeader(firstRow.get(i))) {
                return new ColumnLayout(i, true);
            }
        }
        String first = firstRow.get(0);
        return new ColumnLayout(0, containsLetter(first) && !NhsNumbers.looksLikeSpreadsheetDamage(first));
    }

    /** The cell holding the NHS number; empty if the row is too short. */
    String numberIn(CSVRecord row) {
        return column < row.size() ? row.get(column) : "";
    }

    static boolean isNhsNumberHeader(String cell) {
        String name = cell.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
        return name.equals("nhs") || name.equals("nhsno") || name.contains("nhsnumber") || name.contains("nhsnum");
    }

    private static boolean containsLetter(String cell) {
        return cell.chars().anyMatch(Character::isLetter);
    }
}
