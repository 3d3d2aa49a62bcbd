package com.zeues.sheets.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.ValueRange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo spreadsheet as the connector reads it: columns found by header, states, workers and roles. */
class DemoDataTest {

    private static final Pattern MK = Pattern.compile("MK-\\d{4}-[A-Z]{2}-\\d{5}-\\d{3}");

    private static SheetsEmulator emulator;
    private static List<Map<String, Object>> spools;
    private static List<Map<String, Object>> workers;
    private static List<Map<String, Object>> roles;
    private static List<List<Object>> metadata;

    @BeforeAll
    static void read() throws Exception {
        emulator = SheetsEmulator.start(0, null);
        Sheets sheets = GoogleClients.sheets(emulator);
        List<ValueRange> ranges = sheets.spreadsheets().values().batchGet(SheetsEmulator.DEFAULT_SPREADSHEET_ID)
                .setRanges(List.of("Operaciones", "Trabajadores", "Roles", "Metadata")).execute().getValueRanges();
        spools = byHeader(ranges.get(0).getValues());
        workers = byHeader(ranges.get(1).getValues());
        roles = byHeader(ranges.get(2).getValues());
        metadata = ranges.get(3).getValues();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void hasAtLeast300UniqueSpools() {
        List<String> tags = spools.stream().map(s -> text(s, "TAG_SPOOL")).toList();

        assertThat(tags).hasSizeGreaterThanOrEqualTo(300).doesNotHaveDuplicates();
        assertThat(tags.subList(0, 20)).containsExactly(java.util.stream.IntStream.rangeClosed(1, 20)
                .mapToObj(i -> String.format("TEST-%02d", i)).toArray(String[]::new));
        assertThat(tags.subList(20, tags.size())).hasSizeGreaterThanOrEqualTo(280).allMatch(t -> MK.matcher(t).matches());
        assertThat(spools).allSatisfy(s -> {
            assertThat(text(s, "NV")).matches("NV-\\d{4}");
            assertThat(text(s, "OT")).matches("OT-\\d{5}");
            assertThat(text(s, "Ocupado_Por")).isEmpty();
            assertThat(text(s, "Fecha_Ocupacion")).isEmpty();
        });
        assertThat(spools.subList(20, spools.size())).allSatisfy(s -> {
            String[] parts = text(s, "TAG_SPOOL").split("-");
            assertThat(text(s, "NV")).isEqualTo("NV-" + parts[1]);
            assertThat(text(s, "OT")).isEqualTo("OT-" + parts[3]);
        });
    }

    @Test
    void testSpoolsAreReadyForArm() {
        assertThat(spools.subList(0, 20)).allSatisfy(s -> {
            assertThat(text(s, "Fecha_Materiales")).matches("\\d{2}-\\d{2}-\\d{4}");
            for (String c : List.of("Armador", "Soldador", "Fecha_Armado", "Fecha_Soldadura", "Fecha_QC_Metrología",
                    "Estado_Detalle")) {
                assertThat(text(s, c)).as(c).isEmpty();
            }
        });
    }

    @Test
    void statesAreVariedAndConsistent() {
        Map<String, Integer> byEstado = new TreeMap<>();
        int withoutMaterials = 0;
        int readyForArm = 0;
        for (Map<String, Object> s : spools) {
            String estado = text(s, "Estado_Detalle");
            byEstado.merge(estado, 1, Integer::sum);
            if (text(s, "Fecha_Materiales").isEmpty()) {
                withoutMaterials++;
                assertThat(estado).isEmpty();
            } else if (text(s, "Fecha_Armado").isEmpty()) {
                readyForArm++;
            }
            boolean armDone = !text(s, "Fecha_Armado").isEmpty();
            assertThat(!text(s, "Armador").isEmpty()).isEqualTo(armDone);
            assertThat(!text(s, "Soldador").isEmpty()).isEqualTo(!text(s, "Fecha_Soldadura").isEmpty());
            if (!text(s, "Fecha_Soldadura").isEmpty()) {
                assertThat(armDone).isTrue();
            }
            if (!text(s, "Fecha_QC_Metrología").isEmpty()) {
                assertThat(estado).isEqualTo("METROLOGIA_APROBADO ✓");
            }
        }
        assertThat(byEstado.get("BLOQUEADO - Contactar supervisor")).isEqualTo(1);
        assertThat(byEstado.get("RECHAZADO (Ciclo 2/3) - Pendiente reparación")).isEqualTo(1);
        assertThat(byEstado.get("RECHAZADO (Ciclo 1/3) - Pendiente reparación")).isGreaterThanOrEqualTo(2);
        assertThat(byEstado.get("METROLOGIA_APROBADO ✓")).isGreaterThanOrEqualTo(3);
        assertThat(byEstado.get("Disponible - ARM completado, SOLD pendiente")).isGreaterThanOrEqualTo(10);
        assertThat(byEstado.get("Disponible - ARM completado, SOLD completado")).isGreaterThanOrEqualTo(10);
        assertThat(withoutMaterials).isGreaterThanOrEqualTo(5);
        assertThat(readyForArm).isGreaterThan(spools.size() / 2);
    }

    @Test
    void workerNamesInTheSheetAreRegistryNames() {
        Set<String> names = new HashSet<>();
        for (Map<String, Object> w : workers) {
            names.add(nombreCompleto(text(w, "Nombre"), text(w, "Apellido"), text(w, "Id")));
        }
        assertThat(names).contains("MR(93)", "JP(94)");
        assertThat(spools).allSatisfy(s -> {
            if (!text(s, "Armador").isEmpty()) {
                assertThat(names).contains(text(s, "Armador"));
            }
            if (!text(s, "Soldador").isEmpty()) {
                assertThat(names).contains(text(s, "Soldador"));
            }
        });
    }

    @Test
    void datesComeInTheFormatsAHandKeptSheetHas() {
        Set<String> shapes = new TreeSet<>();
        for (Map<String, Object> s : spools) {
            for (String c : List.of("Fecha_Materiales", "Fecha_Armado", "Fecha_Soldadura", "Fecha_QC_Metrología")) {
                String v = text(s, c);
                if (!v.isEmpty()) {
                    shapes.add(v.replaceAll("\\d", "9"));
                }
            }
        }
        assertThat(shapes).containsExactlyInAnyOrder("99-99-9999", "99/99/9999", "9999-99-99", "99999");
    }

    @Test
    void workersAndRolesMeetTheContractExamples() {
        assertThat(workers).hasSizeGreaterThanOrEqualTo(11);
        Map<String, Object> first = workers.get(0);
        assertThat(List.of(text(first, "Id"), text(first, "Nombre"), text(first, "Apellido"), text(first, "Activo")))
                .containsExactly("93", "Mauricio", "Rodriguez", "TRUE");
        assertThat(List.of(text(workers.get(1), "Nombre"), text(workers.get(1), "Apellido")))
                .containsExactly("Juan Carlos", "Pérez López");

        Map<String, Set<String>> activeRoles = new LinkedHashMap<>();
        for (Map<String, Object> r : roles) {
            if (text(r, "Activo").equals("TRUE")) {
                activeRoles.computeIfAbsent(text(r, "Id"), k -> new TreeSet<>()).add(text(r, "Rol"));
            }
        }
        Map<String, Boolean> active = new HashMap<>();
        workers.forEach(w -> active.put(text(w, "Id"), text(w, "Activo").equals("TRUE")));

        assertThat(activeRoles.get("93")).containsExactlyInAnyOrder("Armador", "Soldador", "Metrologia");
        assertThat(activeRoles.get("94")).containsExactly("Armador");
        assertThat(onlyRole(activeRoles, active, "Armador")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(onlyRole(activeRoles, active, "Soldador")).hasSize(2);
        assertThat(onlyRole(activeRoles, active, "Metrologia")).hasSize(1);
        assertThat(onlyRole(activeRoles, active, "Ayudante")).hasSize(1);
        List<String> inactive = active.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        assertThat(inactive).hasSize(1);
        assertThat(activeRoles.get(inactive.get(0))).containsExactly("Armador");
        assertThat(activeRoles.keySet()).isSubsetOf(active.keySet());
        assertThat(roles).allSatisfy(r -> assertThat(text(r, "Rol")).isIn("Armador", "Soldador", "Ayudante",
                "Metrologia", "Revestimiento", "Pintura", "Despacho"));
    }

    @Test
    void metadataHasOnlyItsHeader() {
        assertThat(metadata).containsExactly(List.of("ID", "Timestamp", "Evento_Tipo", "TAG_SPOOL", "Worker_ID",
                "Worker_Nombre", "Operacion", "Accion", "Fecha_Operacion", "Metadata_JSON"));
    }

    @Test
    void demoDataDocumentListsTheSpoolsAsTheyAre() throws Exception {
        String doc = Files.readString(Path.of("DEMO-DATA.md"), StandardCharsets.UTF_8);

        assertThat(doc).as("DEMO-DATA.md must contain DemoSpreadsheet.describe() verbatim; regenerate it")
                .contains(DemoSpreadsheet.describe());
    }

    @Test
    void theDemoIsDeterministic() {
        String a = SpreadsheetJson.toDocument(DemoSpreadsheet.build("x")).toString();
        String b = SpreadsheetJson.toDocument(DemoSpreadsheet.build("x")).toString();

        assertThat(a).isEqualTo(b);
    }

    private static Set<String> onlyRole(Map<String, Set<String>> roles, Map<String, Boolean> active, String rol) {
        Set<String> ids = new TreeSet<>();
        roles.forEach((id, r) -> {
            if (active.getOrDefault(id, false) && r.equals(Set.of(rol))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The contract's nombre_completo (§1). */
    static String nombreCompleto(String nombre, String apellido, String id) {
        return nombre.trim().substring(0, 1).toUpperCase() + apellido.trim().substring(0, 1).toUpperCase()
                + "(" + id + ")";
    }

    private static List<Map<String, Object>> byHeader(List<List<Object>> values) {
        List<Object> header = values.get(0);
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> row : values.subList(1, values.size())) {
            Map<String, Object> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(String.valueOf(header.get(i)), i < row.size() ? row.get(i) : "");
            }
            out.add(m);
        }
        return out;
    }

    private static String text(Map<String, Object> row, String column) {
        assertThat(row).containsKey(column);
        return String.valueOf(row.get(column));
    }
}
