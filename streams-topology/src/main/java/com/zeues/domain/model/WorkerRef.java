package com.zeues.domain.model;

/** A worker as recorded on a spool: id and the display name at the time it was recorded. */
public record WorkerRef(int id, String nombre) {

    public static final WorkerRef SYSTEM = new WorkerRef(0, "SYSTEM");

    public static WorkerRef of(Worker worker) {
        return new WorkerRef(worker.id(), worker.nombreCompleto());
    }
}
