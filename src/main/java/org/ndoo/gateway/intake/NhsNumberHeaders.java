package org.ndoo.gateway.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ndoo.gateway.nhsnumber.NhsNumbers;

/**
 * How a header cell is recognised as the NHS-number column's (README, "Dropping a file"). Header cells only: never on
 * the per-row path.
 * <ul>
 * <li><b>Normalised</b> header: lower case, with every character that is not a letter or a digit removed (spaces,
 * invisible characters, underscores, dashes, dots, brackets, other punctuation): {@code NHS_No.} is
 * {@code nhsno}.</li>
 * <li><b>Known</b> NHS-number headers, normalised: {@code nhsnumber}, {@code nhsno}, {@code nhsnum}, {@code nhs}
 * ({@code NHS Number}, {@code nhs_number}, {@code NHSNumber}, {@code NHS No.}, {@code NHS-Num}, {@code NHS}...).</li>
 * <li>A header <b>looks like</b> an NHS-number column when its words (split at every character that is not a letter
 * or digit, and before and after {@code nhs} inside a word) hold {@code nhs} followed by a word starting with
 * {@code num} or {@code nbr}, or by the word {@code no}, or are just {@code nhs}: {@code Mother NHS Number},
 * {@code NHS_No (GP)}, {@code PatientNHSNumber}; not {@code NHS Trust} or {@code NHS Notes}.</li>
 * </ul>
 */
final class NhsNumberHeaders {

    /** The known NHS-number headers, normalised. */
    static final Set<String> KNOWN = Set.of("nhsnumber", "nhsno", "nhsnum", "nhs");

    /** The longest header shown in an email. */
    private static final int MAX_SHOWN = 60;

    private NhsNumberHeaders() {
    }

    static String normalise(String cell) {
        StringBuilder name = new StringBuilder(cell.length());
        cell.codePoints().filter(Character::isLetterOrDigit).map(c -> Character.toLowerCase(c))
                .forEach(name::appendCodePoint);
        return name.toString().toLowerCase(Locale.ROOT);
    }

    static boolean isKnown(String cell) {
        return KNOWN.contains(normalise(cell));
    }

    static boolean looksLikeNhsNumber(String cell) {
        List<String> words = words(cell);
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equals("nhs")) {
                if (words.size() == 1) {
                    return true;
                }
                String next = i + 1 < words.size() ? words.get(i + 1) : "";
                if (next.startsWith("num") || next.startsWith("nbr") || next.equals("no")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The header as an email may show it: invisible characters dropped, spaces collapsed. Empty when it holds more
     * than a plain name (characters other than letters, digits, spaces and {@code _-.()#/&:'}, a leading sign as a
     * formula has, a run of six digits or more, or over 60 characters): cell content is never echoed.
     */
    static String shown(String cell) {
        StringBuilder text = new StringBuilder();
        boolean space = false;
        int digitRun = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (NhsNumbers.isSpaceLike(c) || Character.isWhitespace(c)) {
                space = text.length() > 0;
                continue;
            }
            if (!Character.isLetterOrDigit(c) && "_-.()#/&:'".indexOf(c) < 0) {
                return "";
            }
            digitRun = Character.isDigit(c) ? digitRun + 1 : 0;
            if (digitRun >= 6 || (text.length() == 0 && !Character.isLetterOrDigit(c) && c != '(' && c != '#')) {
                return "";
            }
            if (space) {
                text.append(' ');
                space = false;
            }
            text.append(c);
        }
        return text.length() > MAX_SHOWN ? "" : text.toString();
    }

    private static List<String> words(String cell) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= cell.length(); i++) {
            char c = i < cell.length() ? Character.toLowerCase(cell.charAt(i)) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (!word.isEmpty()) {
                splitAtNhs(word.toString(), words);
                word.setLength(0);
            }
        }
        return words;
    }

    private static void splitAtNhs(String word, List<String> words) {
        int at = word.indexOf("nhs");
        if (at < 0 || word.equals("nhs")) {
            words.add(word);
            return;
        }
        if (at > 0) {
            words.add(word.substring(0, at));
        }
        words.add("nhs");
        if (at + 3 < word.length()) {
            splitAtNhs(word.substring(at + 3), words);
        }
    }
}
