package org.ndoo.gateway.nhsnumber;

/** Why a cell is not a valid NHS number, in words for the submitter; never the value itself. */
public enum InvalidReason {
    /** The NHS-number column is empty in a row that has other cells. */
    EMPTY("no number in the NHS-number column"),
    /** Scientific notation or a decimal tail ({@code 9.43E+09}, {@code 9434765919.0}). */
    SPREADSHEET("changed by a spreadsheet (like 9.43E+09, or a number ending in .0)"),
    LETTERS("letters in the number"),
    OTHER_CHARACTERS("characters other than digits, spaces and dashes in the number"),
    NOT_TEN_DIGITS("not 10 digits"),
    REPEATED_DIGIT("one digit repeated (a filler, not a patient's number)"),
    WRONG_CHECK_DIGIT("wrong check digit");

    private final String words;

    InvalidReason(String words) {
        this.words = words;
    }

    /** The reason as the notice says it, e.g. {@code wrong check digit}. */
    public String words() {
        return words;
    }
}
