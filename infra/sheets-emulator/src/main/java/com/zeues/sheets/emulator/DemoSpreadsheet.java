package com.zeues.sheets.emulator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/**
 * The demo spreadsheet: 310 spools in varied states, 11 workers with their roles, an empty audit log.
 * Deterministic (seeded random, fixed dates), so tests and {@code DEMO-DATA.md} can name spools.
 */
public final class DemoSpreadsheet {

    public static final String TITLE = "ZEUES - Spools (local)";

    /** Dates are in the days before this one (fixed, so the data never changes). */
    static final LocalDate ANCHOR = LocalDate.of(2026, 11, 20);

    static final List<String> OPERACIONES_HEADER = List.of("TAG_SPOOL", "OT", "NV", "Descripcion", "Diametro",
            "Fecha_Materiales", "Armador", "Fecha_Armado", "Soldador", "Fecha_Soldadura", "Fecha_QC_Metrología",
            "Estado_Detalle", "Ocupado_Por", "Fecha_Ocupacion", "Peso_Kg");
    static final List<String> TRABAJADORES_HEADER = List.of("Id", "Nombre", "Apellido", "Activo");
    static final List<String> ROLES_HEADER = List.of("Id", "Rol", "Activo");
    static final List<String> METADATA_HEADER = List.of("ID", "Timestamp", "Evento_Tipo", "TAG_SPOOL", "Worker_ID",
            "Worker_Nombre", "Operacion", "Accion", "Fecha_Operacion", "Metadata_JSON");

    static final String ESTADO_ARM_DONE = "Disponible - ARM completado, SOLD pendiente";
    static final String ESTADO_SOLD_DONE = "Disponible - ARM completado, SOLD completado";
    static final String ESTADO_APROBADO = "METROLOGIA_APROBADO ✓";
    static final String ESTADO_RECHAZADO_1 = "RECHAZADO (Ciclo 1/3) - Pendiente reparación";
    static final String ESTADO_RECHAZADO_2 = "RECHAZADO (Ciclo 2/3) - Pendiente reparación";
    static final String ESTADO_BLOQUEADO = "BLOQUEADO - Contactar supervisor";

    /** The state a demo spool is in. */
    public enum State {
        SIN_MATERIALES("No materials yet (ARM not possible: DEPENDENCIAS_NO_SATISFECHAS)"),
        LISTO_ARM("Materials set, nothing started: ready for ARM"),
        ARM_COMPLETADO("ARM completed, SOLD pending: ready for SOLD"),
        SOLD_COMPLETADO("ARM and SOLD completed: awaiting METROLOGIA"),
        APROBADO("METROLOGIA approved"),
        RECHAZADO_1("Rejected once (Ciclo 1/3): ready for REPARACION"),
        RECHAZADO_2("Rejected twice (Ciclo 2/3): ready for REPARACION; one more rejection blocks it"),
        BLOQUEADO("Blocked after three rejections: needs a supervisor");

        private final String description;

        State(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** A demo spool: its tag and state. */
    public record Spool(String tag, State state) {
    }

    /** A demo worker. */
    public record Worker(int id, String nombre, String apellido, boolean activo, List<String> roles) {
        /** The contract's display name: initials of the first words of nombre and apellido, then (id). */
        public String nombreCompleto() {
            return initial(nombre) + initial(apellido) + "(" + id + ")";
        }

        private static String initial(String s) {
            return s.trim().substring(0, 1).toUpperCase(Locale.ROOT);
        }
    }

    /** Workers 93..103. Worker 95 also has an inactive Soldador row in Roles (not one of his roles). */
    public static final List<Worker> WORKERS = List.of(
            new Worker(93, "Mauricio", "Rodriguez", true, List.of("Armador", "Soldador", "Metrologia")),
            new Worker(94, "Juan Carlos", "Pérez López", true, List.of("Armador")),
            new Worker(95, "Sebastián", "Muñoz Soto", true, List.of("Armador")),
            new Worker(96, "José Ignacio", "Núñez Vergara", true, List.of("Soldador")),
            new Worker(97, "Cristóbal", "Aravena Díaz", true, List.of("Soldador")),
            new Worker(98, "Álvaro", "Fuentes Contreras", true, List.of("Metrologia")),
            new Worker(99, "Matías", "Órdenes Rojas", true, List.of("Ayudante")),
            new Worker(100, "Benjamín", "Castillo Peña", false, List.of("Armador")),
            new Worker(101, "Ignacio", "Tapia Fernández", true, List.of("Revestimiento")),
            new Worker(102, "Héctor", "Gómez Araya", true, List.of("Armador")),
            new Worker(103, "Ángela", "Vásquez Ibáñez", true, List.of("Armador", "Soldador")));

    private static final Map<State, Integer> MK_COUNTS = new EnumMap<>(Map.of(
            State.SIN_MATERIALES, 25, State.LISTO_ARM, 175, State.ARM_COMPLETADO, 45, State.SOLD_COMPLETADO, 30,
            State.APROBADO, 8, State.RECHAZADO_1, 5, State.RECHAZADO_2, 1, State.BLOQUEADO, 1));

    private static final int[] NVS = {1335, 1342, 1350, 1361, 1377};
    private static final String[] LINES = {"CW", "FW", "SW", "PW", "AC", "ST", "HD", "LO"};
    private static final String[] PIECES = {"Codo 90° SCH40", "Tee reductora SCH80", "Tramo recto con brida",
            "Reducción concéntrica", "Codo 45° con brida WN", "Carrete con válvula", "Tramo con soportes"};
    private static final String[] DIAMETERS = {"2\"", "3\"", "4\"", "6\"", "8\"", "10\"", "12\""};
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter DMY_SLASH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private DemoSpreadsheet() {
    }

    /** The spools in sheet order with their states. */
    public static List<Spool> spools() {
        return Layout.INSTANCE.spools;
    }

    /** A new demo spreadsheet under {@code id}. */
    public static Spreadsheet build(String id) {
        Spreadsheet sp = new Spreadsheet(id, TITLE);
        sp.addSheet(operaciones());
        sp.addSheet(trabajadores());
        sp.addSheet(roles());
        Sheet metadata = new Sheet(1876543210, "Metadata", 3, 1000, 26);
        header(metadata, METADATA_HEADER);
        sp.addSheet(metadata);
        return sp;
    }

    /** The Markdown lists of DEMO-DATA.md: tags by state, workers and roles. */
    public static String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("## Workers\n\n");
        sb.append("| Id | Nombre | Apellido | nombre_completo | Activo | Roles |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Worker w : WORKERS) {
            sb.append("| ").append(w.id()).append(" | ").append(w.nombre()).append(" | ").append(w.apellido())
                    .append(" | `").append(w.nombreCompleto()).append("` | ").append(w.activo() ? "TRUE" : "FALSE")
                    .append(" | ").append(String.join(", ", w.roles())).append(" |\n");
        }
        sb.append("\n## Spools by state (in sheet order)\n\n");
        for (State s : State.values()) {
            List<String> tags = new ArrayList<>();
            for (Spool sp : spools()) {
                if (sp.state() == s) {
                    tags.add(sp.tag());
                }
            }
            sb.append("### ").append(s.name()).append(" (").append(tags.size()).append("): ")
                    .append(s.description()).append("\n\n");
            StringJoiner j = new StringJoiner(", ");
            tags.forEach(t -> j.add("`" + t + "`"));
            sb.append(j).append("\n\n");
        }
        sb.append("## Dates in other formats\n\n");
        Layout layout = Layout.INSTANCE;
        layout.dateFormats.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.getKey().split("/")[0])))
                .forEach(e -> {
                    String[] k = e.getKey().split("/");
                    String how = switch (e.getValue()) {
                        case "slash" -> "`DD/MM/YYYY`";
                        case "iso" -> "`YYYY-MM-DD`";
                        default -> "a serial day number (JSON number; `\"46xxx\"` as FORMATTED_VALUE)";
                    };
                    sb.append("- `").append(layout.spools.get(Integer.parseInt(k[0])).tag()).append("`: ")
                            .append(k[1]).append(" as ").append(how).append('\n');
                });
        return sb.toString();
    }

    // ---- sheets ---------------------------------------------------------------------------------------------

    private static Sheet operaciones() {
        Sheet s = new Sheet(0, "Operaciones", 0, 1000, 26);
        s.frozenRowCount(1);
        header(s, OPERACIONES_HEADER);
        Layout layout = Layout.INSTANCE;
        Random random = new Random(1335_25238L);
        int col = 0;
        Map<String, Integer> c = new java.util.HashMap<>();
        for (String h : OPERACIONES_HEADER) {
            c.put(h, col++);
        }
        List<Worker> armadores = WORKERS.stream().filter(w -> w.activo() && w.roles().contains("Armador")).toList();
        List<Worker> soldadores = WORKERS.stream().filter(w -> w.activo() && w.roles().contains("Soldador")).toList();
        for (int i = 0; i < layout.spools.size(); i++) {
            Spool spool = layout.spools.get(i);
            int row = i + 1;
            set(s, row, c.get("TAG_SPOOL"), spool.tag());
            set(s, row, c.get("NV"), layout.nv.get(i));
            set(s, row, c.get("OT"), layout.ot.get(i));
            set(s, row, c.get("Descripcion"), PIECES[random.nextInt(PIECES.length)]);
            set(s, row, c.get("Diametro"), DIAMETERS[random.nextInt(DIAMETERS.length)]);
            s.set(row, c.get("Peso_Kg"), Cells.number(java.math.BigDecimal.valueOf(50 + random.nextInt(1500), 1)));
            State st = spool.state();
            if (st == State.SIN_MATERIALES) {
                continue;
            }
            LocalDate materiales = ANCHOR.minusDays(25 + random.nextInt(45));
            LocalDate armado = materiales.plusDays(1 + random.nextInt(8));
            LocalDate soldadura = armado.plusDays(1 + random.nextInt(6));
            LocalDate qc = soldadura.plusDays(1 + random.nextInt(4));
            s.set(row, c.get("Fecha_Materiales"), date(layout, i, "Fecha_Materiales", materiales));
            if (st == State.LISTO_ARM) {
                continue;
            }
            Worker armador = armadores.get(random.nextInt(armadores.size()));
            set(s, row, c.get("Armador"), armador.nombreCompleto());
            s.set(row, c.get("Fecha_Armado"), date(layout, i, "Fecha_Armado", armado));
            if (st == State.ARM_COMPLETADO) {
                set(s, row, c.get("Estado_Detalle"), ESTADO_ARM_DONE);
                continue;
            }
            Worker soldador = soldadores.get(random.nextInt(soldadores.size()));
            set(s, row, c.get("Soldador"), soldador.nombreCompleto());
            s.set(row, c.get("Fecha_Soldadura"), date(layout, i, "Fecha_Soldadura", soldadura));
            String estado = switch (st) {
                case SOLD_COMPLETADO -> ESTADO_SOLD_DONE;
                case APROBADO -> ESTADO_APROBADO;
                case RECHAZADO_1 -> ESTADO_RECHAZADO_1;
                case RECHAZADO_2 -> ESTADO_RECHAZADO_2;
                case BLOQUEADO -> ESTADO_BLOQUEADO;
                default -> throw new IllegalStateException(st.name());
            };
            set(s, row, c.get("Estado_Detalle"), estado);
            if (st == State.APROBADO) {
                s.set(row, c.get("Fecha_QC_Metrología"), date(layout, i, "Fecha_QC_Metrología", qc));
            }
        }
        return s;
    }

    private static Sheet trabajadores() {
        Sheet s = new Sheet(1122334455, "Trabajadores", 1, 1000, 26);
        s.frozenRowCount(1);
        header(s, TRABAJADORES_HEADER);
        int row = 1;
        for (Worker w : WORKERS) {
            s.set(row, 0, Json.NODES.numberNode(w.id()));
            set(s, row, 1, w.nombre());
            set(s, row, 2, w.apellido());
            set(s, row, 3, w.activo() ? "TRUE" : "FALSE");
            row++;
        }
        return s;
    }

    private static Sheet roles() {
        Sheet s = new Sheet(1998877665, "Roles", 2, 1000, 26);
        s.frozenRowCount(1);
        header(s, ROLES_HEADER);
        int row = 1;
        for (Worker w : WORKERS) {
            for (String rol : w.roles()) {
                s.set(row, 0, Json.NODES.numberNode(w.id()));
                set(s, row, 1, rol);
                set(s, row, 2, "TRUE");
                row++;
            }
            if (w.id() == 95) { // a role that was taken away: the row stays, inactive
                s.set(row, 0, Json.NODES.numberNode(95));
                set(s, row, 1, "Soldador");
                set(s, row, 2, "FALSE");
                row++;
            }
        }
        return s;
    }

    private static void header(Sheet s, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            set(s, 0, i, names.get(i));
        }
    }

    private static void set(Sheet s, int row, int col, String value) {
        s.set(row, col, value == null || value.isEmpty() ? null : Json.NODES.stringNode(value));
    }

    /** Mostly DD-MM-YYYY; the few spools chosen in {@link Layout} carry another format. */
    private static JsonNode date(Layout layout, int index, String column, LocalDate d) {
        String format = layout.dateFormats.get(index + "/" + column);
        if (format == null) {
            return Json.NODES.stringNode(d.format(DMY));
        }
        return switch (format) {
            case "slash" -> Json.NODES.stringNode(d.format(DMY_SLASH));
            case "iso" -> Json.NODES.stringNode(d.toString());
            case "serial" -> Json.NODES.numberNode(ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), d));
            default -> throw new IllegalStateException(format);
        };
    }

    /** Tags, NV/OT and states of all spools, and which dates use an unusual format. Built once. */
    private static final class Layout {
        static final Layout INSTANCE = new Layout();

        final List<Spool> spools = new ArrayList<>();
        final List<String> nv = new ArrayList<>();
        final List<String> ot = new ArrayList<>();
        final Map<String, String> dateFormats = new java.util.HashMap<>();

        private Layout() {
            Random random = new Random(93_94_1335L);
            for (int i = 1; i <= 20; i++) {
                spools.add(new Spool(String.format(Locale.ROOT, "TEST-%02d", i), State.LISTO_ARM));
                nv.add("NV-1000");
                ot.add("OT-10000");
            }
            List<State> states = new ArrayList<>();
            MK_COUNTS.forEach((state, n) -> states.addAll(Collections.nCopies(n, state)));
            Collections.shuffle(states, random);
            int otNumber = 25180;
            int made = 0;
            while (made < states.size()) {
                int nvNumber = NVS[random.nextInt(NVS.length)];
                String line = LINES[random.nextInt(LINES.length)];
                otNumber += 3 + random.nextInt(40);
                int pieces = Math.min(3 + random.nextInt(13), states.size() - made);
                for (int k = 1; k <= pieces; k++) {
                    String tag = String.format(Locale.ROOT, "MK-%04d-%s-%05d-%03d", nvNumber, line, otNumber, k);
                    spools.add(new Spool(tag, states.get(made++)));
                    nv.add("NV-" + nvNumber);
                    ot.add("OT-" + otNumber);
                }
            }
            // a few dates in the other formats a hand-kept sheet has
            pick(State.LISTO_ARM, 3, "Fecha_Materiales", "slash");
            pick(State.LISTO_ARM, 2, "Fecha_Materiales", "iso");
            pick(State.ARM_COMPLETADO, 1, "Fecha_Materiales", "serial");
            pick(State.ARM_COMPLETADO, 2, "Fecha_Armado", "slash");
            pick(State.SOLD_COMPLETADO, 1, "Fecha_Soldadura", "iso");
            pick(State.APROBADO, 1, "Fecha_QC_Metrología", "slash");
        }

        /** Marks the last {@code count} MK spools in {@code state} that have no unusual date yet. */
        private void pick(State state, int count, String column, String format) {
            for (int i = spools.size() - 1; i >= 20 && count > 0; i--) {
                String prefix = i + "/";
                if (spools.get(i).state() == state
                        && dateFormats.keySet().stream().noneMatch(k -> k.startsWith(prefix))) {
                    dateFormats.put(prefix + column, format);
                    count--;
                }
            }
        }

    }
}
