package com.zeues.connector.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderIndexTest {

    @Test
    void normalisesCaseAccentsAndUnderscores() {
        assertThat(HeaderIndex.normalize("Fecha_QC_Metrología")).isEqualTo("fecha qc metrologia");
        assertThat(HeaderIndex.normalize("  FECHA  qc_METROLOGIA ")).isEqualTo("fecha qc metrologia");
        assertThat(HeaderIndex.normalize("Fecha__Ocupación")).isEqualTo("fecha ocupacion");
        assertThat(HeaderIndex.normalize("TAG_SPOOL")).isEqualTo(HeaderIndex.normalize("tag spool"));
        assertThat(HeaderIndex.normalize(null)).isEmpty();
    }

    @Test
    void findsColumnsByHeaderNeverByPosition() {
        HeaderIndex index = HeaderIndex.of(List.of("OT", "tag spool", "fecha qc metrologia", "NV", "ESTADO_DETALLE"));

        assertThat(index.find("TAG_SPOOL")).hasValue(1);
        assertThat(index.find("Fecha_QC_Metrología")).hasValue(2);
        assertThat(index.find("Estado_Detalle")).hasValue(4);
        assertThat(index.find("nv")).hasValue(3);
        assertThat(index.find("Fecha_Materiales")).isEmpty();
        assertThat(index.has("Ocupado_Por")).isFalse();
    }

    @Test
    void blankHeadersAreSkippedAndTheLeftmostDuplicateWins() {
        HeaderIndex index = HeaderIndex.of(Arrays.asList("", null, "Id", "ID", "Nombre"));

        assertThat(index.find("id")).hasValue(2);
        assertThat(index.find("nombre")).hasValue(4);
        assertThat(index.headers()).containsExactly("", "", "Id", "ID", "Nombre");
    }

    @Test
    void firstRowOfAnAnsweredRange() {
        assertThat(A1Ranges.firstRow("Operaciones!A1:O311")).isEqualTo(1);
        assertThat(A1Ranges.firstRow("'Hoja con espacios'!B5:C9")).isEqualTo(5);
        assertThat(A1Ranges.firstRow("Roles!$A$3:C")).isEqualTo(3);
        assertThat(A1Ranges.firstRow("Roles!A:C")).isEqualTo(1);
        assertThat(A1Ranges.firstRow("Roles")).isEqualTo(1);
        assertThat(A1Ranges.firstRow(null)).isEqualTo(1);
        assertThat(A1Ranges.wholeSheet("Operaciones")).isEqualTo("'Operaciones'");
        assertThat(A1Ranges.wholeSheet("It's")).isEqualTo("'It''s'");
    }
}
