package com.zeues.connector.master;

import com.zeues.connector.sheets.HeaderIndex;
import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.SpoolSeed;
import com.zeues.domain.model.Worker;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns the cells of {@code Operaciones}, {@code Trabajadores} and {@code Roles} into spools and workers. Columns
 * are found by header text; a missing required column fails the whole read ({@link SheetStructureException}); a
 * row that cannot be read becomes a {@link RowProblem} with its sheet row number while the other rows go on.
 * Blank rows are skipped.
 */
public final class MasterDataParser {

    public static final String OPERACIONES = "Operaciones";
    public static final String TRABAJADORES = "Trabajadores";
    public static final String ROLES = "Roles";

    static final String TAG_SPOOL = "TAG_SPOOL";
    static final String NV = "NV";
    static final String OT = "OT";
    static final String FECHA_MATERIALES = "Fecha_Materiales";
    static final String ARMADOR = "Armador";
    static final String SOLDADOR = "Soldador";
    static final String FECHA_ARMADO = "Fecha_Armado";
    static final String FECHA_SOLDADURA = "Fecha_Soldadura";
    static final String FECHA_QC = "Fecha_QC_Metrología";
    static final String OCUPADO_POR = "Ocupado_Por";
    static final String FECHA_OCUPACION = "Fecha_Ocupacion";
    static final String ESTADO_DETALLE = "Estado_Detalle";
    static final String ID = "Id";
    static final String NOMBRE = "Nombre";
    static final String APELLIDO = "Apellido";
    static final String ACTIVO = "Activo";
    static final String ROL = "Rol";

    /** Contract §7: the roles a worker may have, spelled as the domain expects them. */
    public static final List<String> KNOWN_ROLES = List.of("Armador", "Soldador", "Ayudante", "Metrologia",
            "Revestimiento", "Pintura", "Despacho");

    private static final List<String> OPTIONAL_OPERACIONES = List.of(NV, OT, FECHA_MATERIALES, ARMADOR, SOLDADOR,
            FECHA_ARMADO, FECHA_SOLDADURA, FECHA_QC, OCUPADO_POR, FECHA_OCUPACION, ESTADO_DETALLE);

    private final ZoneId zone;

    public MasterDataParser(ZoneId zone) {
        this.zone = zone;
    }

    public ParsedMasterData parse(SheetTable operaciones, SheetTable trabajadores, SheetTable roles)
            throws SheetStructureException {
        Columns op = columns(operaciones, List.of(TAG_SPOOL));
        Columns tr = columns(trabajadores, List.of(ID, NOMBRE, APELLIDO, ACTIVO));
        Columns ro = columns(roles, List.of(ID, ROL, ACTIVO));
        List<String> missing = new ArrayList<>();
        missing.addAll(op.missing);
        missing.addAll(tr.missing);
        missing.addAll(ro.missing);
        if (!missing.isEmpty()) {
            throw new SheetStructureException(missing);
        }
        List<RowProblem> problems = new ArrayList<>();
        for (String name : OPTIONAL_OPERACIONES) {
            if (!op.index.has(name)) {
                problems.add(new RowProblem(OPERACIONES, op.headerRow, "column " + name
                        + " not found: its cells are read as empty"));
            }
        }
        List<SpoolRow> spools = spools(operaciones, op, problems);
        Map<Integer, Integer> roleRows = new LinkedHashMap<>();
        Map<Integer, List<String>> rolesById = roles(roles, ro, roleRows, problems);
        Set<Integer> listed = new HashSet<>();
        List<Worker> workers = workers(trabajadores, tr, rolesById, listed, problems);
        roleRows.forEach((id, row) -> {
            if (!listed.contains(id)) {
                problems.add(new RowProblem(ROLES, row, "Id " + id + " is not in " + TRABAJADORES
                        + " (role ignored)"));
            }
        });
        List<String> order = List.of(OPERACIONES, TRABAJADORES, ROLES);
        problems.sort(Comparator.comparingInt((RowProblem p) -> order.indexOf(p.sheet()))
                .thenComparingInt(RowProblem::row));
        return new ParsedMasterData(spools, workers, problems, listed);
    }

    // ---- Operaciones ----------------------------------------------------------------------------------------

    private List<SpoolRow> spools(SheetTable table, Columns c, List<RowProblem> problems) {
        List<SpoolRow> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = c.headerIndex + 1; i < table.rows().size(); i++) {
            List<Object> row = table.rows().get(i);
            if (SheetTable.blankRow(row)) {
                continue;
            }
            int rowNumber = table.rowNumber(i);
            try {
                String tag = CellValues.tag(c.cell(row, TAG_SPOOL));
                Integer first = seen.putIfAbsent(tag, rowNumber);
                if (first != null) {
                    throw new CellFormatException("TAG_SPOOL " + tag + " repeats row " + first + " (row ignored)");
                }
                LocalDate materiales = column(FECHA_MATERIALES, () -> SheetDates.parseDate(c.cell(row,
                        FECHA_MATERIALES)));
                // the row number travels as master data: listings follow the sheet's row order
                SpoolMaster master = new SpoolMaster(tag, CellValues.text(c.cell(row, NV)),
                        CellValues.text(c.cell(row, OT)), materiales, null, null, rowNumber);
                SpoolSeed seed = null;
                String seedProblem = null;
                try {
                    seed = seed(row, c);
                } catch (CellFormatException e) {
                    seedProblem = e.getMessage();
                }
                out.add(new SpoolRow(rowNumber, master, seed, seedProblem));
            } catch (CellFormatException e) {
                problems.add(new RowProblem(table.sheet(), rowNumber, e.getMessage()));
            }
        }
        return out;
    }

    /** The state columns as a seed; null when they are all empty. */
    SpoolSeed seed(List<Object> row, Columns c) throws CellFormatException {
        LocalDate armado = column(FECHA_ARMADO, () -> SheetDates.parseDate(c.cell(row, FECHA_ARMADO)));
        LocalDate soldadura = column(FECHA_SOLDADURA, () -> SheetDates.parseDate(c.cell(row, FECHA_SOLDADURA)));
        LocalDate qc = column(FECHA_QC, () -> SheetDates.parseDate(c.cell(row, FECHA_QC)));
        Instant ocupacion = column(FECHA_OCUPACION, () -> SheetDates.parseInstant(c.cell(row, FECHA_OCUPACION),
                zone));
        SpoolSeed seed = new SpoolSeed(CellValues.text(c.cell(row, ARMADOR)), CellValues.text(c.cell(row, SOLDADOR)),
                armado, soldadura, qc, CellValues.text(c.cell(row, OCUPADO_POR)), ocupacion,
                CellValues.text(c.cell(row, ESTADO_DETALLE)));
        return seed.isEmpty() && seed.fechaOcupacion() == null ? null : seed;
    }

    // ---- Roles and Trabajadores -----------------------------------------------------------------------------

    /** Active roles per worker id, in sheet order; {@code firstRows} gets each id's first row. */
    private Map<Integer, List<String>> roles(SheetTable table, Columns c, Map<Integer, Integer> firstRows,
                                             List<RowProblem> problems) {
        Map<Integer, Set<String>> roles = new LinkedHashMap<>();
        for (int i = c.headerIndex + 1; i < table.rows().size(); i++) {
            List<Object> row = table.rows().get(i);
            if (SheetTable.blankRow(row)) {
                continue;
            }
            int rowNumber = table.rowNumber(i);
            try {
                int id = column(ID, () -> CellValues.positiveInt(c.cell(row, ID)));
                String rol = role(c.cell(row, ROL));
                boolean activo = column(ACTIVO, () -> CellValues.bool(c.cell(row, ACTIVO)));
                firstRows.putIfAbsent(id, rowNumber);
                Set<String> held = roles.computeIfAbsent(id, k -> new LinkedHashSet<>());
                if (activo) {
                    held.add(rol);
                }
            } catch (CellFormatException e) {
                problems.add(new RowProblem(table.sheet(), rowNumber, e.getMessage()));
            }
        }
        Map<Integer, List<String>> out = new HashMap<>();
        roles.forEach((id, set) -> out.put(id, List.copyOf(set)));
        return out;
    }

    /** The workers in sheet order; {@code listed} gets every readable Id of the sheet, usable or not. */
    private List<Worker> workers(SheetTable table, Columns c, Map<Integer, List<String>> rolesById,
                                 Set<Integer> listed, List<RowProblem> problems) {
        Map<Integer, Worker> out = new LinkedHashMap<>();
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = c.headerIndex + 1; i < table.rows().size(); i++) {
            List<Object> row = table.rows().get(i);
            if (SheetTable.blankRow(row)) {
                continue;
            }
            int rowNumber = table.rowNumber(i);
            try {
                int id = column(ID, () -> CellValues.positiveInt(c.cell(row, ID)));
                listed.add(id);
                Integer first = seen.putIfAbsent(id, rowNumber);
                if (first != null) {
                    throw new CellFormatException("Id " + id + " repeats row " + first + " (row ignored)");
                }
                String nombre = CellValues.text(c.cell(row, NOMBRE));
                if (nombre == null) {
                    throw new CellFormatException("Nombre is empty");
                }
                String apellido = CellValues.text(c.cell(row, APELLIDO));
                boolean activo = column(ACTIVO, () -> CellValues.bool(c.cell(row, ACTIVO)));
                out.put(id, new Worker(id, nombre, apellido == null ? "" : apellido,
                        rolesById.getOrDefault(id, List.of()), activo));
            } catch (CellFormatException e) {
                problems.add(new RowProblem(table.sheet(), rowNumber, e.getMessage()));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static String role(Object cell) throws CellFormatException {
        String text = CellValues.text(cell);
        if (text == null) {
            throw new CellFormatException("Rol is empty");
        }
        String key = HeaderIndex.normalize(text);
        for (String known : KNOWN_ROLES) {
            if (HeaderIndex.normalize(known).equals(key)) {
                return known;
            }
        }
        throw new CellFormatException("Rol " + CellValues.describe(text) + " is not one of " + KNOWN_ROLES);
    }

    // ---- columns --------------------------------------------------------------------------------------------

    private interface CellReader<T> {
        T read() throws CellFormatException;
    }

    /** Prefixes a cell's problem with its column name. */
    private static <T> T column(String name, CellReader<T> reader) throws CellFormatException {
        try {
            return reader.read();
        } catch (CellFormatException e) {
            throw new CellFormatException(name + ": " + e.getMessage());
        }
    }

    /** A sheet's header: where it is and which columns it has. */
    static final class Columns {
        final HeaderIndex index;
        final int headerIndex;
        final int headerRow;
        final List<String> missing;

        Columns(HeaderIndex index, int headerIndex, int headerRow, List<String> missing) {
            this.index = index;
            this.headerIndex = headerIndex;
            this.headerRow = headerRow;
            this.missing = missing;
        }

        Object cell(List<Object> row, String name) {
            OptionalInt col = index.find(name);
            return col.isPresent() ? SheetTable.cell(row, col.getAsInt()) : null;
        }
    }

    static Columns columns(SheetTable table, List<String> required) {
        int header = table.headerIndex();
        if (header < 0) {
            return new Columns(HeaderIndex.of(List.of()), -1, table.firstRow(),
                    List.of(table.sheet() + ": the sheet is empty (no header row; needs " + String.join(", ",
                            required) + ")"));
        }
        HeaderIndex index = HeaderIndex.of(table.rows().get(header));
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (!index.has(name)) {
                missing.add(table.sheet() + ": required column " + name + " not found in header row "
                        + table.rowNumber(header) + " " + index.headers());
            }
        }
        return new Columns(index, header, table.rowNumber(header), missing);
    }
}
