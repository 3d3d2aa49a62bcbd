package com.zeues.connector.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zeues.domain.model.SpoolSeed;
import com.zeues.domain.model.Worker;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasterDataParserTest {

    private final MasterDataParser parser = new MasterDataParser(ZoneId.of("America/Santiago"));

    static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    @SafeVarargs
    static SheetTable table(String sheet, List<Object>... rows) {
        return new SheetTable(sheet, 1, List.of(rows));
    }

    static SheetTable trabajadores() {
        return table("Trabajadores", row("Id", "Nombre", "Apellido", "Activo"),
                row(new BigDecimal("93"), "Mauricio", "Rodriguez", Boolean.TRUE),
                row(new BigDecimal("94"), "Juan Carlos", "Pérez López", "TRUE"),
                row(new BigDecimal("100"), "Benjamín", "Castillo Peña", "FALSE"));
    }

    static SheetTable roles() {
        return table("Roles", row("Id", "Rol", "Activo"),
                row(93, "Armador", "TRUE"), row(93, "soldador", "true"), row(93, "Metrología", Boolean.TRUE),
                row(94, "Armador", "TRUE"), row(94, "Soldador", "FALSE"), row(100, "Armador", "TRUE"));
    }

    @Test
    void readsSpoolsByHeaderWhateverTheColumnOrderAndSpelling() throws Exception {
        SheetTable op = table("Operaciones",
                row("ot", "Descripcion", "FECHA MATERIALES", "tag_spool", "nv"),
                row("OT-1", "Codo", "02-02-2026", " MK-1335-CW-25238-011 ", new BigDecimal("1335")),
                row("OT-2", "Tee", new BigDecimal("46056"), "TEST-02", "1342"),
                row(null, null, null, "TEST-03"));

        ParsedMasterData data = parser.parse(op, trabajadores(), roles());

        assertThat(data.spools()).extracting(SpoolRow::tag)
                .containsExactly("MK-1335-CW-25238-011", "TEST-02", "TEST-03");
        SpoolRow first = data.spools().get(0);
        assertThat(first.row()).isEqualTo(2);
        assertThat(first.master().nv()).isEqualTo("1335");
        assertThat(first.master().ot()).isEqualTo("OT-1");
        assertThat(first.master().fechaMateriales()).isEqualTo(LocalDate.of(2026, 2, 2));
        assertThat(first.master().seed()).isNull();
        assertThat(data.spools().get(1).master().fechaMateriales()).isEqualTo(LocalDate.of(2026, 2, 3));
        assertThat(data.spools().get(2).master().nv()).isNull();
        assertThat(data.spools().get(2).master().fechaMateriales()).isNull();
        // the state columns are absent from this sheet: reported once, against the header row
        assertThat(data.problems()).extracting(RowProblem::reason)
                .anyMatch(r -> r.startsWith("column Estado_Detalle not found"));
        assertThat(data.problems()).allMatch(p -> p.row() == 1 && p.sheet().equals("Operaciones"));
    }

    @Test
    void eachSpoolCarriesItsSheetRowNumberAsMasterData() throws Exception {
        SheetTable op = new SheetTable("Operaciones", 1, List.of(
                row(), // the header is the first non-empty row: row 2
                row("TAG_SPOOL", "NV"),
                row("FIRST", "1"),
                row(),
                row("THIRD", "3"),
                row("BAD TAG", "4"),
                row("FIFTH", "5")));

        ParsedMasterData data = parser.parse(op, trabajadores(), roles());

        assertThat(data.spools()).extracting(SpoolRow::tag).containsExactly("FIRST", "THIRD", "FIFTH");
        assertThat(data.spools()).extracting(r -> r.master().fila()).containsExactly(3, 5, 7);
        assertThat(data.spools()).allSatisfy(r -> assertThat(r.master().fila()).isEqualTo(r.row()));
    }

    @Test
    void rowProblemsCarrySheetRowAndReasonWhileTheOtherRowsGoOn() throws Exception {
        SheetTable op = new SheetTable("Operaciones", 1, List.of(
                row(), // a blank first line: the header is the first non-empty row
                row("TAG_SPOOL", "NV", "OT", "Fecha_Materiales"),
                row("GOOD-1", "1", "1", "01-02-2026"),
                row("BAD TAG", "1", "1", "01-02-2026"),
                row(),
                row("GOOD-2", "1", "1", "31-02-2026"),
                row("GOOD-1", "2", "2", ""),
                row("", "9", "9", ""),
                row("GOOD-3")));
        SheetTable tr = table("Trabajadores", row("Id", "Nombre", "Apellido", "Activo"),
                row(93, "Mauricio", "Rodriguez", "TRUE"),
                row("x", "Sin", "Id", "TRUE"),
                row(95, "Sebastián", "Muñoz", "quizás"),
                row(93, "Otro", "Duplicado", "TRUE"),
                row(96, "", "Sin Nombre", "TRUE"));
        SheetTable ro = table("Roles", row("Id", "Rol", "Activo"),
                row(93, "Armador", "TRUE"),
                row(93, "Gerente", "TRUE"),
                row(93, "Soldador", "tal vez"),
                row(777, "Armador", "TRUE"));

        ParsedMasterData data = parser.parse(op, tr, ro);

        assertThat(data.spools()).extracting(SpoolRow::tag).containsExactly("GOOD-1", "GOOD-3");
        assertThat(data.spools()).extracting(SpoolRow::row).containsExactly(3, 9);
        assertThat(data.workers()).extracting(Worker::id).containsExactly(93);
        assertThat(data.workers().get(0).roles()).containsExactly("Armador");
        assertThat(data.listedWorkerIds()).containsExactlyInAnyOrder(93, 95, 96);
        List<String> problems = data.problems().stream().filter(p -> p.row() > 2).map(RowProblem::toString).toList();
        assertThat(problems).hasSize(11);
        assertThat(problems.get(0)).startsWith("Operaciones row 4: TAG_SPOOL 'BAD TAG'");
        assertThat(problems.get(1)).startsWith("Operaciones row 6: Fecha_Materiales: no such date: '31-02-2026'");
        assertThat(problems.get(2)).isEqualTo("Operaciones row 7: TAG_SPOOL GOOD-1 repeats row 3 (row ignored)");
        assertThat(problems.get(3)).isEqualTo("Operaciones row 8: TAG_SPOOL is empty");
        assertThat(problems.get(4)).startsWith("Trabajadores row 3: Id: not a whole number > 0: 'x'");
        assertThat(problems.get(5)).startsWith("Trabajadores row 4: Activo: not TRUE or FALSE: 'quizás'");
        assertThat(problems.get(6)).isEqualTo("Trabajadores row 5: Id 93 repeats row 2 (row ignored)");
        assertThat(problems.get(7)).isEqualTo("Trabajadores row 6: Nombre is empty");
        assertThat(problems.get(8)).startsWith("Roles row 3: Rol 'Gerente' is not one of");
        assertThat(problems.get(9)).startsWith("Roles row 4: Activo: not TRUE or FALSE: 'tal vez'");
        assertThat(problems.get(10)).isEqualTo("Roles row 5: Id 777 is not in Trabajadores (role ignored)");
    }

    @Test
    void workersJoinTheirActiveRolesInCanonicalSpelling() throws Exception {
        ParsedMasterData data = parser.parse(table("Operaciones", row("TAG_SPOOL")), trabajadores(), roles());

        assertThat(data.workers()).containsExactly(
                new Worker(93, "Mauricio", "Rodriguez", List.of("Armador", "Soldador", "Metrologia"), true),
                new Worker(94, "Juan Carlos", "Pérez López", List.of("Armador"), true),
                new Worker(100, "Benjamín", "Castillo Peña", List.of("Armador"), false));
        assertThat(data.workers().get(1).nombreCompleto()).isEqualTo("JP(94)");
    }

    @Test
    void stateColumnsBecomeTheSeed() throws Exception {
        SheetTable op = table("Operaciones",
                row("TAG_SPOOL", "NV", "OT", "Fecha_Materiales", "Armador", "Soldador", "Fecha_Armado",
                        "Fecha_Soldadura", "Fecha_QC_Metrologia", "Ocupado_Por", "Fecha_Ocupacion", "Estado_Detalle"),
                row("S-1", "1", "1", "01-02-2026", "MR(93)", "", "02-02-2026", "", "", "MR(93)",
                        "03-02-2026 08:15:00", "MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)"),
                row("S-2", "1", "1", "01-02-2026", "MR(93)", "AD(97)", new BigDecimal("46056"), "2026-02-04",
                        "05/02/2026", "", "", "METROLOGIA_APROBADO ✓"),
                row("S-3", "1", "1", "01-02-2026", " ", "", "", "", "", "", "", ""),
                row("S-4", "1", "1", "01-02-2026", "MR(93)", "", "ayer", "", "", "", "", ""));

        ParsedMasterData data = parser.parse(op, trabajadores(), roles());

        assertThat(data.problems()).isEmpty();
        assertThat(data.spools().get(0).seed()).isEqualTo(new SpoolSeed("MR(93)", null, LocalDate.of(2026, 2, 2),
                null, null, "MR(93)", Instant.parse("2026-02-03T11:15:00Z"),
                "MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)"));
        assertThat(data.spools().get(0).withSeed().seed()).isEqualTo(data.spools().get(0).seed());
        assertThat(data.spools().get(1).seed()).isEqualTo(new SpoolSeed("MR(93)", "AD(97)",
                LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 4), LocalDate.of(2026, 2, 5), null, null,
                "METROLOGIA_APROBADO ✓"));
        assertThat(data.spools().get(2).seed()).isNull();
        assertThat(data.spools().get(2).seedProblem()).isNull();
        // a state column that cannot be read is kept aside: it matters only for a spool published the first time
        assertThat(data.spools().get(3).seed()).isNull();
        assertThat(data.spools().get(3).seedProblem()).isEqualTo("Fecha_Armado: not a date: 'ayer' (expected "
                + "DD-MM-YYYY, DD/MM/YYYY, YYYY-MM-DD or a serial day number)");
    }

    @Test
    void aMissingRequiredColumnFailsTheReadNamingSheetAndColumn() {
        SheetTable op = table("Operaciones", row("Tag", "NV"), row("S-1", "1"));
        SheetTable tr = table("Trabajadores", row("Id", "Nombre", "Apellido"));

        assertThatThrownBy(() -> parser.parse(op, tr, table("Roles")))
                .isInstanceOf(SheetStructureException.class)
                .satisfies(e -> assertThat(((SheetStructureException) e).problems()).containsExactly(
                        "Operaciones: required column TAG_SPOOL not found in header row 1 [Tag, NV]",
                        "Trabajadores: required column Activo not found in header row 1 [Id, Nombre, Apellido]",
                        "Roles: the sheet is empty (no header row; needs Id, Rol, Activo)"));
    }

    @Test
    void rowNumbersFollowTheAnsweredRange() throws Exception {
        SheetTable op = new SheetTable("Operaciones", 5, List.of(row("TAG_SPOOL"), row("A-1"), row("bad tag")));

        ParsedMasterData data = parser.parse(op, trabajadores(), roles());

        assertThat(data.spools().get(0).row()).isEqualTo(6);
        assertThat(data.problems()).filteredOn(p -> p.row() == 7).hasSize(1);
    }
}
