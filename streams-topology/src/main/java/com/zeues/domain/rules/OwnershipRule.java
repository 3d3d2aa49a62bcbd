package com.zeues.domain.rules;

import com.zeues.domain.model.Occupation;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.WorkerRef;
import com.zeues.domain.rules.Decision.Rejected;
import java.util.Optional;

/**
 * Contract §2.2, one rule for PAUSAR, COMPLETAR and CANCELAR: free → not started; held by someone else →
 * not authorised; held by the requester for another operation → invalid transition.
 */
public final class OwnershipRule {

    private OwnershipRule() {
    }

    public static Optional<Rejected> check(SpoolState s, Operacion op, WorkerRef requester) {
        Occupation occ = s.occupation();
        if (occ == null) {
            return Optional.of(Rejections.noIniciada(s.tagSpool(), op, requester));
        }
        if (occ.worker().id() != requester.id()) {
            return Optional.of(Rejections.noAutorizado(s.tagSpool(), op, occ.worker(), requester));
        }
        if (occ.operacion() != op) {
            return Optional.of(Rejections.transicionInvalida(s.tagSpool(), op, requester,
                    "el trabajador ocupa el spool para " + occ.operacion()));
        }
        return Optional.empty();
    }
}
