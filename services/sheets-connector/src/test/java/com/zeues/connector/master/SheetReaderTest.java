package com.zeues.connector.master;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.connector.sheets.SheetsGateway;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader against a fake gateway: one batchGet of the three sheets, row numbers from the answered ranges. */
class SheetReaderTest {

    static final class FakeGateway implements SheetsGateway {
        final List<List<String>> calls = new ArrayList<>();
        List<SheetRange> answer;

        @Override
        public List<SheetRange> batchGet(List<String> ranges) {
            calls.add(ranges);
            return answer;
        }
    }

    @Test
    void readsTheThreeSheetsInOneCall() throws Exception {
        FakeGateway gateway = new FakeGateway();
        gateway.answer = List.of(
                new SheetsGateway.SheetRange("Operaciones!A1:D3", List.of(
                        List.of("TAG_SPOOL", "NV"), List.of("S-1", new BigDecimal("1335")), List.of("mal tag", "1"))),
                new SheetsGateway.SheetRange("Trabajadores!A1:D2", List.of(
                        List.of("Id", "Nombre", "Apellido", "Activo"),
                        List.of(new BigDecimal("93"), "Mauricio", "Rodriguez", true))),
                new SheetsGateway.SheetRange("Roles!A1:C2", List.of(
                        List.of("Id", "Rol", "Activo"), List.of(new BigDecimal("93"), "Armador", true))));

        ParsedMasterData data = new SheetReader(gateway, new MasterDataParser(ZoneId.of("America/Santiago"))).read();

        assertThat(gateway.calls).containsExactly(List.of("'Operaciones'", "'Trabajadores'", "'Roles'"));
        assertThat(data.spools()).extracting(SpoolRow::tag).containsExactly("S-1");
        assertThat(data.workers()).hasSize(1);
        assertThat(data.workers().get(0).roles()).containsExactly("Armador");
        assertThat(data.problems()).filteredOn(p -> p.row() > 1).extracting(RowProblem::toString)
                .containsExactly("Operaciones row 3: TAG_SPOOL 'mal tag' is not 1-64 characters from A-Z a-z 0-9 . _ -");
    }
}
