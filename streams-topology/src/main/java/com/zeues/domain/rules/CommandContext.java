package com.zeues.domain.rules;

import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.Worker;
import com.zeues.domain.model.WorkerRef;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What one decision sees: the spool's current state, the requesting worker as the registry knows it now,
 * the command, and the clock (both passed in, so the rules stay pure).
 */
public record CommandContext(SpoolState state, Worker worker, SpoolCommand command, Instant now, LocalDate today) {

    public String tag() {
        return state.tagSpool();
    }

    public Operacion op() {
        return command.operacion();
    }

    public WorkerRef requester() {
        return worker == null ? WorkerRef.SYSTEM : WorkerRef.of(worker);
    }

    /** The date the command reports: the client's, or today in the business time zone. */
    public LocalDate fecha() {
        return command.fechaOperacion() == null ? today : command.fechaOperacion();
    }
}
