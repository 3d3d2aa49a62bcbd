package com.zeues.sheets.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class A1Test {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A1     | 0 | 0 | 1  | 1",
            "B2:D5  | 1 | 1 | 5  | 4",
            "D5:B2  | 1 | 1 | 5  | 4",
            "A:C    | 0 | 0 | -1 | 3",
            "A2:L   | 1 | 0 | -1 | 12",
            "5:10   | 4 | 0 | 10 | -1",
            "AA1:AB3| 0 | 26| 3  | 28",
            "$A$1:$B$2 | 0 | 0 | 2 | 2",
            "zz9    | 8 | 701 | 9 | 702"})
    void parsesCellParts(String cells, int r0, int c0, int r1, int c1) {
        assertThat(A1.parseCells(cells)).isEqualTo(new A1.Bounds(r0, c0, r1, c1));
    }

    @Test
    void rejectsWhatIsNotACellPart() {
        assertThat(A1.parseCells("Operaciones")).isNull();
        assertThat(A1.parseCells("A0")).isNull();
        assertThat(A1.parseCells("5:C")).isNull();
    }

    @Test
    void splitsQuotedAndPlainSheetNames() {
        assertThat(A1.split("'Name with spaces'!A2:C5")).isEqualTo(new A1.Parsed("Name with spaces", true, "A2:C5"));
        assertThat(A1.split("'It''s'")).isEqualTo(new A1.Parsed("It's", true, null));
        assertThat(A1.split("Operaciones!A1:L")).isEqualTo(new A1.Parsed("Operaciones", false, "A1:L"));
        assertThat(A1.split("Metadata_2")).isEqualTo(new A1.Parsed("Metadata_2", false, null));
        assertThatThrownBy(() -> A1.split("'open!A1")).hasMessage("Unable to parse range: 'open!A1");
        assertThatThrownBy(() -> A1.split("Sheet!")).isInstanceOf(ApiException.class);
    }

    @Test
    void columnLettersRoundTrip() {
        for (int i = 0; i < 2000; i++) {
            assertThat(A1.columnIndex(A1.columnLetters(i))).isEqualTo(i);
        }
        assertThat(A1.columnLetters(25)).isEqualTo("Z");
        assertThat(A1.columnLetters(26)).isEqualTo("AA");
        assertThat(A1.columnLetters(701)).isEqualTo("ZZ");
        assertThat(A1.columnLetters(702)).isEqualTo("AAA");
    }

    @Test
    void quotesTitlesThatNeedIt() {
        assertThat(A1.quoteTitle("Operaciones")).isEqualTo("Operaciones");
        assertThat(A1.quoteTitle("Metadata_2")).isEqualTo("Metadata_2");
        assertThat(A1.quoteTitle("Hoja con espacios")).isEqualTo("'Hoja con espacios'");
        assertThat(A1.quoteTitle("A1")).isEqualTo("'A1'");
        assertThat(A1.quoteTitle("It's")).isEqualTo("'It''s'");
    }
}
