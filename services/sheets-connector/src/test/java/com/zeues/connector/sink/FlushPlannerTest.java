package com.zeues.connector.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.connector.sheets.HeaderIndex;
import com.zeues.connector.sheets.SheetsWriter.AddTab;
import com.zeues.connector.sheets.SheetsWriter.AppendRows;
import com.zeues.connector.sheets.SheetsWriter.CellBlock;
import com.zeues.connector.sheets.SheetsWriter.Tab;
import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.MetrologiaEstado;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolView;
import com.zeues.domain.time.BusinessTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlushPlannerTest {

    private static final BusinessTime TIME = BusinessTime.defaultZone();
    private final FlushPlanner planner = new FlushPlanner(new SheetFormats(TIME), 5, 3);

    @Test
    void systemColumnsAreWrittenInRunsThatSkipEveryOtherColumn() {
        SheetLayout layout = layout(List.of("TAG_SPOOL", "Armador", "Fecha_Armado", "Notas", "Soldador",
                "Fecha_Soldadura", "Fecha_QC_Metrologia", "Estado_Detalle", "Ocupado_Por", "Fecha_Ocupacion"));

        FlushPlanner.Plan plan = planner.plan(layout, new SinkCursor.Position(1, 2), List.of(),
                List.of(view("T-1", 3)));

        assertThat(plan.blocks()).extracting(CellBlock::range)
                .containsExactly("'Operaciones'!B7:C7", "'Operaciones'!E7:J7");
        assertThat(plan.blocks().get(0).values()).containsExactly(List.of("MR(93)", "03-02-2026"));
        assertThat(plan.blocks().get(1).values()).containsExactly(List.of("", "", "", "Disponible - ARM pausado",
                "MR(93)", "02-02-2026 08:15:00"));
        assertThat(plan.written()).containsExactly(Map.entry("T-1", 3L));
        assertThat(plan.stranded()).isEmpty();
    }

    @Test
    void aSpoolWithoutRowAndAMissingColumnAreLeftAlone() {
        SheetLayout layout = layout(List.of("TAG_SPOOL", "Armador", "Soldador"));

        FlushPlanner.Plan plan = planner.plan(layout, new SinkCursor.Position(1, 2), List.of(),
                List.of(view("T-1", 1), view("NOPE", 1)));

        assertThat(layout.missingColumns()).contains("Estado_Detalle", "Fecha_Armado");
        assertThat(plan.blocks()).extracting(CellBlock::range).containsExactly("'Operaciones'!B7:C7");
        assertThat(plan.stranded()).containsOnlyKeys("NOPE");
    }

    @Test
    void rowsRollOverIntoANewTabWithItsHeaderAndGrowTheGridFirst() {
        SheetLayout layout = layout(List.of("TAG_SPOOL"));
        layout.putTab(new Tab(9, "Metadata", 4, 10));
        layout.metadataHeader(1, HeaderIndex.of(new ArrayList<>(SheetFormats.METADATA_COLUMNS)));
        List<SpoolEvent> rows = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            rows.add(event("T-1", i));
        }

        FlushPlanner.Plan plan = planner.plan(layout, new SinkCursor.Position(1, 4), rows, List.of());

        // Metadata holds data rows 2..6 (max 5): rows 4, 5, 6 here, the other three in Metadata_2 from row 2
        assertThat(plan.structure()).containsExactly(new AppendRows(9, 2), new AddTab("Metadata_2", 4, 10));
        assertThat(plan.blocks()).extracting(CellBlock::range).containsExactly("'Metadata'!A4:J6",
                "'Metadata_2'!A1:J1", "'Metadata_2'!A2:J4");
        assertThat(plan.blocks().get(1).values().get(0)).isEqualTo(List.copyOf(SheetFormats.METADATA_COLUMNS));
        assertThat(plan.after()).isEqualTo(new SinkCursor.Position(2, 5));
        assertThat(plan.metadataRows()).isEqualTo(6);
    }

    @Test
    void aMetadataHeaderInAnotherOrderIsFollowedAndOneWithoutAColumnStopsTheRows() {
        SheetLayout layout = layout(List.of("TAG_SPOOL"));
        layout.putTab(new Tab(9, "Metadata", 100, 12));
        List<Object> header = new ArrayList<>(SheetFormats.METADATA_COLUMNS);
        header.add(0, "Comentario");
        layout.metadataHeader(1, HeaderIndex.of(header));

        FlushPlanner.Plan plan = planner.plan(layout, new SinkCursor.Position(1, 2), List.of(event("T-1", 1)),
                List.of());

        assertThat(plan.blocks()).extracting(CellBlock::range).containsExactly("'Metadata'!A2:K2");
        List<Object> row = plan.blocks().get(0).values().get(0);
        assertThat(row.get(0)).isEqualTo("");
        assertThat(row.get(1)).isEqualTo(SpoolEvent.eventId("T-1", 1));
        assertThat(row.get(5)).isEqualTo(93);

        header.remove("Accion");
        layout.metadataHeader(1, HeaderIndex.of(header));
        assertThat(planner.plan(layout, new SinkCursor.Position(1, 2), List.of(event("T-1", 1)), List.of())
                .metadataProblem()).contains("Accion");
    }

    @Test
    void theCursorAfterFollowsTheSegments() {
        assertThat(planner.after(new SinkCursor.Position(1, 2), 0)).isEqualTo(new SinkCursor.Position(1, 2));
        assertThat(planner.after(new SinkCursor.Position(1, 2), 5)).isEqualTo(new SinkCursor.Position(1, 7));
        assertThat(planner.after(new SinkCursor.Position(1, 7), 1)).isEqualTo(new SinkCursor.Position(2, 3));
        assertThat(planner.after(new SinkCursor.Position(1, 2), 11)).isEqualTo(new SinkCursor.Position(3, 3));
    }

    private static SheetLayout layout(List<Object> header) {
        SheetLayout layout = new SheetLayout();
        layout.tabs(List.of(new Tab(1, "Operaciones", 1000, 26)));
        layout.operaciones("Operaciones", 1, header, Map.of("T-1", 7), List.of(), null, 0);
        return layout;
    }

    static SpoolView view(String tag, long version) {
        return new SpoolView(tag, "NV", "OT", LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 3), null, null, null,
                "MR(93)", null, "MR(93)", 93, Operacion.ARM, Instant.parse("2026-02-02T11:15:00Z"),
                OpEstado.EN_PROGRESO, OpEstado.PENDIENTE, MetrologiaEstado.PENDIENTE, null, 0, false,
                "Disponible - ARM pausado", version, null);
    }

    static SpoolEvent event(String tag, long version) {
        return new SpoolEvent(1, SpoolEvent.eventId(tag, version), Instant.parse("2026-02-02T11:15:00Z"),
                EventoTipo.TOMAR_SPOOL, tag, 93, "MR(93)", Operacion.ARM, Accion.TOMAR, LocalDate.of(2026, 2, 2),
                version, Map.of(), "x", view(tag, version));
    }
}
