package com.zeues.connector.sink;

import com.zeues.domain.json.DomainJson;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolView;
import com.zeues.domain.time.BusinessTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the sink writes, cell by cell (contract §7): dates {@code DD-MM-YYYY}, instants {@code DD-MM-YYYY HH:MM:SS}
 * in the business zone, all as plain text (RAW), {@code ""} for an empty cell (never null: the Java client would
 * drop it and shift the cells after it).
 */
public final class SheetFormats {

    public static final String ARMADOR = "Armador";
    public static final String SOLDADOR = "Soldador";
    public static final String FECHA_ARMADO = "Fecha_Armado";
    public static final String FECHA_SOLDADURA = "Fecha_Soldadura";
    public static final String FECHA_QC = "Fecha_QC_Metrología";
    public static final String OCUPADO_POR = "Ocupado_Por";
    public static final String FECHA_OCUPACION = "Fecha_Ocupacion";
    public static final String ESTADO_DETALLE = "Estado_Detalle";

    /** The Operaciones columns the system owns and writes. */
    public static final List<String> SYSTEM_COLUMNS = List.of(ARMADOR, SOLDADOR, FECHA_ARMADO, FECHA_SOLDADURA,
            FECHA_QC, OCUPADO_POR, FECHA_OCUPACION, ESTADO_DETALLE);

    /** The Metadata header, in the order a new tab gets it. */
    public static final List<String> METADATA_COLUMNS = List.of("ID", "Timestamp", "Evento_Tipo", "TAG_SPOOL",
            "Worker_ID", "Worker_Nombre", "Operacion", "Accion", "Fecha_Operacion", "Metadata_JSON");

    private final BusinessTime time;

    public SheetFormats(BusinessTime time) {
        this.time = time;
    }

    /** The spool's state in the system columns, by column name. */
    public Map<String, Object> systemCells(SpoolView v) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put(ARMADOR, text(v.armador()));
        cells.put(SOLDADOR, text(v.soldador()));
        cells.put(FECHA_ARMADO, BusinessTime.sheetDate(v.fechaArmado()));
        cells.put(FECHA_SOLDADURA, BusinessTime.sheetDate(v.fechaSoldadura()));
        cells.put(FECHA_QC, BusinessTime.sheetDate(v.fechaQcMetrologia()));
        cells.put(OCUPADO_POR, text(v.ocupadoPor()));
        cells.put(FECHA_OCUPACION, time.sheetDateTime(v.fechaOcupacion()));
        cells.put(ESTADO_DETALLE, text(v.estadoDetalle()));
        return cells;
    }

    /** The event's audit row, by Metadata column name. Worker_ID is a number; everything else text. */
    public Map<String, Object> metadataCells(SpoolEvent e) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("ID", text(e.eventId()));
        cells.put("Timestamp", time.sheetDateTime(e.timestamp()));
        cells.put("Evento_Tipo", e.eventoTipo() == null ? "" : e.eventoTipo().name());
        cells.put("TAG_SPOOL", text(e.tagSpool()));
        cells.put("Worker_ID", e.workerId());
        cells.put("Worker_Nombre", text(e.workerNombre()));
        cells.put("Operacion", e.operacion() == null ? "" : e.operacion().name());
        cells.put("Accion", e.accion() == null ? "" : e.accion().name());
        cells.put("Fecha_Operacion", BusinessTime.sheetDate(e.fechaOperacion()));
        cells.put("Metadata_JSON", json(e.metadata()));
        return cells;
    }

    /** The metadata as compact JSON, keys sorted so a retry writes the same text. */
    static String json(Map<String, Object> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return "{}";
        }
        return DomainJson.mapper().writeValueAsString(new TreeMap<>(metadata));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
