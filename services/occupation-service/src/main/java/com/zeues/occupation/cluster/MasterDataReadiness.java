package com.zeues.occupation.streams;

import com.zeues.domain.model.SpoolMaster;
import com.zeues.occupation.config.ZeuesProperties;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tells whether a master-data sync is visible to commands: its marker is in the workers store and every
 * partition of zeues.spools has processed a marker at least as new (the connector writes those first).
 */
@Component
public class MasterDataReadiness {

    private final SpoolStoreQueries queries;
    private final int partitions;
    private volatile boolean loadedOnce;

    public MasterDataReadiness(SpoolStoreQueries queries, ZeuesProperties props) {
        this.queries = queries;
        this.partitions = props.topics().partitions();
    }

    /**
     * Whether the master data of a sync has been processed. Once true it stays true: later syncs arrive while
     * commands go on, and a stream and a global thread may see one sync's markers in either order.
     */
    public boolean loaded() {
        if (loadedOnce) {
            return true;
        }
        try {
            Optional<Long> workers = queries.workersSync();
            if (workers.isPresent() && visible(workers.get())) {
                loadedOnce = true;
            }
        } catch (StoresUnavailableException e) {
            return false;
        }
        return loadedOnce;
    }

    /** Whether the sync {@code syncId} (or a newer one) is processed by the workers store and every partition. */
    public boolean visible(long syncId) {
        Optional<Long> workers = queries.workersSync();
        if (workers.isEmpty() || workers.get() < syncId) {
            return false;
        }
        for (int p = 0; p < partitions; p++) {
            Optional<Long> spools = queries.spoolsSync(SpoolMaster.markerKey(p));
            if (spools.isEmpty() || spools.get() < syncId) {
                return false;
            }
        }
        return true;
    }
}
