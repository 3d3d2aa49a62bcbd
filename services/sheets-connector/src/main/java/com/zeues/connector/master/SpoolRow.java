package com.zeues.connector.master;

import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.SpoolSeed;

/**
 * One parsed {@code Operaciones} row: its master data, and its state columns as a seed (null when they are all
 * empty). The seed matters only for a spool published for the first time, so a state column that cannot be read
 * is kept as {@code seedProblem} and becomes a row problem only then (the sink owns those columns afterwards).
 */
public record SpoolRow(int row, SpoolMaster master, SpoolSeed seed, String seedProblem) {

    public String tag() {
        return master.tagSpool();
    }

    /** What the first publication of this spool carries: the master columns and the seed. */
    public SpoolMaster withSeed() {
        return new SpoolMaster(master.tagSpool(), master.nv(), master.ot(), master.fechaMateriales(), seed, null,
                master.fila());
    }
}
