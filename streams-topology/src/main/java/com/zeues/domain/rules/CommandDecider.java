package com.zeues.domain.rules;

import com.zeues.domain.model.CommandType;
import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.Worker;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Decides one command against the spool's state: a malformed command first (422), then spool and worker
 * checks (contract §1 check order), then the command's own rule.
 */
public final class CommandDecider {

    private CommandDecider() {
    }

    /**
     * @param state  the spool's state, null when the spool is unknown
     * @param worker the requesting worker from the registry, null when unknown
     */
    public static Decision decide(SpoolState state, Worker worker, SpoolCommand cmd, Instant now, LocalDate today) {
        // the shape of a command is decided before any business rule (contract §1, 422); the HTTP layer checks
        // it already, so these only catch a sender's bug instead of failing the task
        if (cmd.type() == null) {
            return Rejections.validacion(cmd.tagSpool(), cmd.operacion(), "el tipo de comando es obligatorio");
        }
        boolean bySupervisor = cmd.type() == CommandType.DESBLOQUEAR || cmd.type() == CommandType.LIBERAR;
        if (!bySupervisor && cmd.operacion() == null) {
            return Rejections.validacion(cmd.tagSpool(), null, "operacion es obligatoria");
        }
        if (state == null) {
            return Rejections.spoolNoEncontrado(cmd.tagSpool());
        }
        if (!bySupervisor && (worker == null || !worker.activo())) {
            return Rejections.workerNoEncontrado(cmd.tagSpool(), cmd.operacion(), cmd.workerId());
        }
        CommandContext c = new CommandContext(state, worker, cmd, now, today);
        return switch (cmd.type()) {
            case TOMAR -> TomarRule.decide(c);
            case PAUSAR -> PausarRule.decide(c);
            case COMPLETAR -> CompletarRule.decide(c);
            case CANCELAR -> CancelarRule.decide(c);
            case DESBLOQUEAR -> SupervisorRules.desbloquear(c);
            case LIBERAR -> SupervisorRules.liberar(c);
        };
    }
}
