package com.zeues.connector.master;

import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.Worker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code zeues.spools} and {@code zeues.workers} hold now, as far as the connector knows: loaded from the
 * compacted topics at start, then updated with every acknowledged send. It is how a sync publishes only what
 * changed, across restarts too. Written by the sync thread only.
 */
public final class PublishedMasterData {

    private final Map<String, SpoolMaster> spools = new ConcurrentHashMap<>();
    private final Map<Integer, Worker> workers = new ConcurrentHashMap<>();
    private volatile long lastSyncId;

    public SpoolMaster spool(String tag) {
        return spools.get(tag);
    }

    public Worker worker(int id) {
        return workers.get(id);
    }

    public Map<String, SpoolMaster> spools() {
        return Map.copyOf(spools);
    }

    public Map<Integer, Worker> workers() {
        return Map.copyOf(workers);
    }

    public int spoolCount() {
        return spools.size();
    }

    public int workerCount() {
        return workers.size();
    }

    /** The highest sync id found in a marker or written since: the next one must be greater. */
    public long lastSyncId() {
        return lastSyncId;
    }

    void putSpool(SpoolMaster master) {
        spools.put(master.tagSpool(), master);
    }

    void removeSpool(String tag) {
        spools.remove(tag);
    }

    void putWorker(Worker worker) {
        workers.put(worker.id(), worker);
    }

    void removeWorker(int id) {
        workers.remove(id);
    }

    void syncIdSeen(long syncId) {
        if (syncId > lastSyncId) {
            lastSyncId = syncId;
        }
    }

    void clear() {
        spools.clear();
        workers.clear();
        lastSyncId = 0;
    }
}
