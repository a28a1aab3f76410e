package org.ndoo.gateway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file with no quote is split into records by {@link PlainRecords} exactly as commons-csv ({@link CsvRecords})
 * splits it with the gateway's format: the same cells, lines, blank rows and short rows, whatever the line ends,
 * spaces and delimiters.
 */
class PlainRecordsReadLikeCommonsCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "9990000018\n9990000026\n",
            "9990000018\r\n9990000026\r\n9990000034",
            "9990000018\r9990000026\r\r",
            "NHS Number,Ward\n 9990000018 , A1 \n\n,\n  \n9990000026,\n,9990000034\n",
            "a,b,c,\n,,\n1,2\n\t9990000018\t,x\n",
            "\u00A09990000018\u00A0,y\n\u2003z\u2003,\u001C\n",
            "x;y;z\n9990000018;;\n;9990000026\n",
            "single\n\n\n\nlast",
            "",
            "\n",
            "9.99E+09,Smith\n999 000 0018,\f\n"})
    void splitsAsCommonsCsvDoes(String text) throws IOException {
        for (char delimiter : new char[] {',', ';', '\t'}) {
            assertEquals(read(new CsvRecords(new StringReader(text), delimiter)),
                    read(new PlainRecords(new StringReader(text), delimiter)), "delimiter " + (int) delimiter);
        }
    }

    /** Every record as its lines, blankness, cells, and cells 0 to 3 one by one. */
    private static List<String> read(Records records) throws IOException {
        List<String> seen = new ArrayList<>();
        try (records) {
            while (records.next()) {
                seen.add(records.line() + "-" + records.endLine() + " blank=" + records.isBlank() + " "
                        + records.cells() + " [" + records.cell(0) + "|" + records.cell(1) + "|" + records.cell(2)
                        + "|" + records.cell(3) + "]");
            }
        }
        return seen;
    }
}
