package com.zeues.connector.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.time.BusinessTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SheetFormatsTest {

    private final SheetFormats formats = new SheetFormats(BusinessTime.defaultZone());

    @Test
    void anAuditRowHasTheContractsFormatsInTheBusinessZone() {
        Map<String, Object> cells = formats.metadataCells(FlushPlannerTest.event("TEST-02", 4));

        assertThat(cells).containsExactly(
                Map.entry("ID", com.zeues.domain.model.SpoolEvent.eventId("TEST-02", 4)),
                Map.entry("Timestamp", "02-02-2026 08:15:00"),
                Map.entry("Evento_Tipo", "TOMAR_SPOOL"),
                Map.entry("TAG_SPOOL", "TEST-02"),
                Map.entry("Worker_ID", 93),
                Map.entry("Worker_Nombre", "MR(93)"),
                Map.entry("Operacion", "ARM"),
                Map.entry("Accion", "TOMAR"),
                Map.entry("Fecha_Operacion", "02-02-2026"),
                Map.entry("Metadata_JSON", "{}"));
    }

    @Test
    void metadataJsonHasSortedKeysSoARetryWritesTheSameText() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("resultado", "RECHAZADO");
        m.put("ciclo", 2);
        m.put("accion", null);

        assertThat(SheetFormats.json(m)).isEqualTo("{\"accion\":null,\"ciclo\":2,\"resultado\":\"RECHAZADO\"}");
    }

    @Test
    void emptyStateCellsAreEmptyTextNeverNull() {
        var view = new com.zeues.domain.model.SpoolView("T", null, null, null, null, null, null, null, null, null,
                null, null, null, null, com.zeues.domain.model.OpEstado.PENDIENTE,
                com.zeues.domain.model.OpEstado.PENDIENTE, com.zeues.domain.model.MetrologiaEstado.PENDIENTE, null, 0,
                false, null, 0, null);

        assertThat(formats.systemCells(view)).hasSize(8).allSatisfy((k, v) -> assertThat(v).isEqualTo(""));
    }
}
