package com.zeues.connector.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zeues.connector.master.MasterDataParser;
import com.zeues.connector.master.ParsedMasterData;
import com.zeues.connector.master.SheetReader;
import com.zeues.connector.master.SheetStructureException;
import com.zeues.connector.master.SpoolRow;
import com.zeues.domain.model.Worker;
import com.zeues.sheets.emulator.DemoSpreadsheet;
import com.zeues.sheets.emulator.SheetsEmulator;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SheetReader through the real Google client against the sheets emulator's demo spreadsheet. */
class GoogleSheetsGatewayEmulatorTest {

    private static SheetsEmulator emulator;
    private static EmulatorSheets sheets;
    private static final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        emulator = SheetsEmulator.start(0, null);
        emulator.addFilter((request, chain) -> {
            authorizations.add(String.valueOf(request.header("authorization")));
            return chain.proceed(request);
        });
        sheets = new EmulatorSheets(emulator, SheetsEmulator.DEFAULT_SPREADSHEET_ID);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.resetToDemo(SheetsEmulator.DEFAULT_SPREADSHEET_ID);
    }

    private SheetReader reader() {
        return new SheetReader(sheets.gateway(), new MasterDataParser(ZoneId.of("America/Santiago")));
    }

    @Test
    void readsTheWholeDemoSpreadsheetWithoutProblems() throws Exception {
        ParsedMasterData data = reader().read();

        assertThat(data.problems()).isEmpty();
        assertThat(data.spools()).extracting(SpoolRow::tag)
                .containsExactlyElementsOf(DemoSpreadsheet.spools().stream().map(DemoSpreadsheet.Spool::tag).toList());
        assertThat(data.spools().get(0).row()).isEqualTo(2);
        assertThat(data.workers()).hasSize(DemoSpreadsheet.WORKERS.size());
        for (DemoSpreadsheet.Worker w : DemoSpreadsheet.WORKERS) {
            Worker parsed = data.workers().stream().filter(x -> x.id() == w.id()).findFirst().orElseThrow();
            assertThat(parsed.nombre()).isEqualTo(w.nombre());
            assertThat(parsed.apellido()).isEqualTo(w.apellido());
            assertThat(parsed.activo()).isEqualTo(w.activo());
            assertThat(parsed.roles()).as("roles of %s", w.id()).containsExactlyElementsOf(w.roles());
            assertThat(parsed.nombreCompleto()).isEqualTo(w.nombreCompleto());
        }
        assertThat(authorizations).isNotEmpty().allMatch(a -> a.equals("Bearer emulator"));
    }

    @Test
    void seedsFollowTheDemoStates() throws Exception {
        ParsedMasterData data = reader().read();

        for (int i = 0; i < data.spools().size(); i++) {
            SpoolRow row = data.spools().get(i);
            DemoSpreadsheet.State state = DemoSpreadsheet.spools().get(i).state();
            switch (state) {
                case SIN_MATERIALES -> {
                    assertThat(row.master().fechaMateriales()).isNull();
                    assertThat(row.seed()).isNull();
                }
                case LISTO_ARM -> {
                    assertThat(row.master().fechaMateriales()).as(row.tag()).isNotNull();
                    assertThat(row.seed()).isNull();
                }
                case ARM_COMPLETADO -> {
                    assertThat(row.seed().fechaArmado()).as(row.tag()).isNotNull();
                    assertThat(row.seed().armador()).matches(".+\\(\\d+\\)");
                    assertThat(row.seed().fechaSoldadura()).isNull();
                }
                case APROBADO -> {
                    assertThat(row.seed().fechaQcMetrologia()).as(row.tag()).isNotNull();
                    assertThat(row.seed().estadoDetalle()).isEqualTo("METROLOGIA_APROBADO ✓");
                }
                default -> assertThat(row.seed().fechaSoldadura()).as(row.tag()).isNotNull();
            }
        }
    }

    @Test
    void headersAreMatchedLooselyAndAMissingRequiredColumnIsAClearError() throws Exception {
        String tagCol = sheets.column("Operaciones", "TAG_SPOOL");
        sheets.set("Operaciones!" + tagCol + "1", "tag spool");
        String qcCol = sheets.column("Operaciones", "Fecha_QC_Metrología");
        sheets.set("Operaciones!" + qcCol + "1", "FECHA QC METROLOGIA");

        ParsedMasterData data = reader().read();
        assertThat(data.problems()).isEmpty();
        assertThat(data.spools()).hasSize(DemoSpreadsheet.spools().size());

        String activoCol = sheets.column("Trabajadores", "Activo");
        sheets.set("Trabajadores!" + activoCol + "1", "Estado");
        assertThatThrownBy(() -> reader().read()).isInstanceOf(SheetStructureException.class)
                .hasMessageContaining("Trabajadores: required column Activo not found");
    }

    @Test
    void aBadCellIsReportedWithItsRow() throws Exception {
        String col = sheets.column("Operaciones", "Fecha_Materiales");
        sheets.set("Operaciones!" + col + "5", "30-02-2026");
        sheets.set("Roles!B3", "Capataz");

        ParsedMasterData data = reader().read();

        assertThat(data.problems()).extracting(Object::toString).containsExactly(
                "Operaciones row 5: Fecha_Materiales: no such date: '30-02-2026'",
                "Roles row 3: Rol 'Capataz' is not one of " + MasterDataParser.KNOWN_ROLES);
        assertThat(data.spools()).hasSize(DemoSpreadsheet.spools().size() - 1);
    }

    @Test
    void anUnknownSpreadsheetIsAnIoErrorNamingIt() {
        GoogleSheetsGateway gateway = new GoogleSheetsGateway(sheets.client(), "no-such-sheet");

        assertThatThrownBy(() -> gateway.batchGet(List.of("'Operaciones'"))).isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-sheet").hasMessageContaining("404");
    }
}
