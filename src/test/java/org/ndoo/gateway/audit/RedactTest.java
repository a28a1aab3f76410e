package org.ndoo.gateway.audit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RedactTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "9990000018.csv|#########.csv",
        "list_999_000_0018.csv|list_#########.csv",
        "folder 999 000 0018@nhs.net|folder #########@nhs.net",
        "analyst@nhs.net/cohort.csv|analyst@nhs.net/cohort.csv",
        "HTTP 503 after 3 attempts|HTTP 503 after 3 attempts"
    })
    void masksWhatCouldBeAnNhsNumberOnly(String raw, String safe) {
        assertEquals(safe, Redact.digits(raw));
    }
}
