package org.ndoo.gateway.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NhsNumberMaskTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "9990000018.csv|#########.csv",
        "clinic 999000001.csv|clinic #########.csv",
        "list 999 000 0018.csv|list #########.csv",
        "list-999-000-0018.txt|list-#########.txt",
        "list_999_000_0018.csv|list_#########.csv",
        "list 999.000.0018 v2.csv|list ######### v2.csv",
        "a 99900000189999 b|a ######### b",
        "NDOO-20261201-202859-ABCDE: delivered; 1000000 rows, 9861 invalid|NDOO-20261201-202859-ABCDE: delivered; 1000000 rows, 9861 invalid",
        "next attempt at 2026-12-01 20:30:00Z|next attempt at 2026-12-01 20:30:00Z",
        "HTTP 503 after 3 attempts, port 8380|HTTP 503 after 3 attempts, port 8380",
        "chunk 3 of 10 answered, 300000 of 909090 numbers checked|chunk 3 of 10 answered, 300000 of 909090 numbers checked"
    })
    void masksWhatCouldBeAnNhsNumberOnly(String raw, String safe) {
        assertEquals(safe, NhsNumberMask.mask(raw));
    }
}
