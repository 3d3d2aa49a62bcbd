package com.zeues.connector.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellValuesTest {

    @Test
    void activoAcceptsTheUsualSpellings() throws Exception {
        for (Object yes : new Object[] {"TRUE", "true", " True ", Boolean.TRUE, "1", 1, new BigDecimal("1.0"), "SI",
                "Sí", "si", "VERDADERO"}) {
            assertThat(CellValues.bool(yes)).as("%s", yes).isTrue();
        }
        for (Object no : new Object[] {"FALSE", "false", Boolean.FALSE, "0", 0, BigDecimal.ZERO, "NO", "no", "Falso"}) {
            assertThat(CellValues.bool(no)).as("%s", no).isFalse();
        }
    }

    @Test
    void activoRejectsAnythingElse() {
        assertThatThrownBy(() -> CellValues.bool("quizás")).isInstanceOf(CellFormatException.class)
                .hasMessageContaining("'quizás'");
        assertThatThrownBy(() -> CellValues.bool(2)).isInstanceOf(CellFormatException.class);
        assertThatThrownBy(() -> CellValues.bool("")).isInstanceOf(CellFormatException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void workerIdIsAPositiveWholeNumber() throws Exception {
        assertThat(CellValues.positiveInt(new BigDecimal("93"))).isEqualTo(93);
        assertThat(CellValues.positiveInt(new BigDecimal("93.0"))).isEqualTo(93);
        assertThat(CellValues.positiveInt(93.0d)).isEqualTo(93);
        assertThat(CellValues.positiveInt(" 94 ")).isEqualTo(94);
        for (Object bad : new Object[] {"0", -3, "93.5", new BigDecimal("1e12"), "abc", "", Boolean.TRUE}) {
            assertThatThrownBy(() -> CellValues.positiveInt(bad)).as("%s", bad)
                    .isInstanceOf(CellFormatException.class);
        }
    }

    @Test
    void tagIsTrimmedWithCaseKept() throws Exception {
        assertThat(CellValues.tag("  MK-1335-CW-25238-011 ")).isEqualTo("MK-1335-CW-25238-011");
        assertThat(CellValues.tag("test.02_a")).isEqualTo("test.02_a");
        assertThat(CellValues.tag(new BigDecimal("12345"))).isEqualTo("12345");
        assertThat(CellValues.tag("x".repeat(64))).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MK 1335", "MK/1335", "Ñandú-1", "TAG#1"})
    void tagRejectsOtherCharacters(String tag) {
        assertThatThrownBy(() -> CellValues.tag(tag)).isInstanceOf(CellFormatException.class)
                .hasMessageContaining(tag);
    }

    @Test
    void tagRejectsEmptyAndTooLong() {
        assertThatThrownBy(() -> CellValues.tag(" ")).isInstanceOf(CellFormatException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> CellValues.tag("x".repeat(65))).isInstanceOf(CellFormatException.class);
    }

    @Test
    void textOfNumbersHasNoNeedlessDecimals() {
        assertThat(CellValues.text(new BigDecimal("1335"))).isEqualTo("1335");
        assertThat(CellValues.text(new BigDecimal("1335.0"))).isEqualTo("1335");
        assertThat(CellValues.text(1335.0d)).isEqualTo("1335");
        assertThat(CellValues.text(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(CellValues.text(new BigDecimal("12.50"))).isEqualTo("12.5");
        assertThat(CellValues.text("  OT-7 ")).isEqualTo("OT-7");
        assertThat(CellValues.text(" ")).isNull();
        assertThat(CellValues.text(null)).isNull();
    }
}
