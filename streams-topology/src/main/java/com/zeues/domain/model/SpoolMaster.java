package com.zeues.domain.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * One spool's master data from the sheet: the value of {@code zeues.spools}, keyed by tag.
 *
 * <p>A record with {@code syncId} set is a sync marker instead: the connector writes one to every partition
 * (key {@link #markerKey(int)}) after a master-data sync, so the topology can tell when that sync has been
 * processed.
 *
 * <p>{@code fila} is the spool's row number in {@code Operaciones} (null when unknown): listings follow the sheet's
 * row order. It is master data: left out of the JSON when null, so records written before it existed read the same.
 */
public record SpoolMaster(String tagSpool, String nv, String ot, LocalDate fechaMateriales, SpoolSeed seed,
                          Long syncId, @JsonInclude(JsonInclude.Include.NON_NULL) Integer fila) {

    public static final String MARKER_PREFIX = "__sync__:";

    public SpoolMaster(String tagSpool, String nv, String ot, LocalDate fechaMateriales, SpoolSeed seed) {
        this(tagSpool, nv, ot, fechaMateriales, seed, null, null);
    }

    public SpoolMaster(String tagSpool, String nv, String ot, LocalDate fechaMateriales, SpoolSeed seed,
                       Long syncId) {
        this(tagSpool, nv, ot, fechaMateriales, seed, syncId, null);
    }

    /** The same master data at another sheet row. */
    public SpoolMaster withFila(Integer fila) {
        return new SpoolMaster(tagSpool, nv, ot, fechaMateriales, seed, syncId, fila);
    }

    public static String markerKey(int partition) {
        return MARKER_PREFIX + partition;
    }

    public static SpoolMaster marker(int partition, long syncId) {
        return new SpoolMaster(markerKey(partition), null, null, null, null, syncId);
    }

    @JsonIgnore // derived, not a field of the record on the wire
    public boolean isSyncMarker() {
        return syncId != null;
    }

    /** Master columns only (row number included): what the connector compares before publishing again. */
    public boolean sameMaster(SpoolMaster other) {
        return other != null && java.util.Objects.equals(tagSpool, other.tagSpool)
                && java.util.Objects.equals(nv, other.nv) && java.util.Objects.equals(ot, other.ot)
                && java.util.Objects.equals(fechaMateriales, other.fechaMateriales)
                && java.util.Objects.equals(fila, other.fila);
    }
}
