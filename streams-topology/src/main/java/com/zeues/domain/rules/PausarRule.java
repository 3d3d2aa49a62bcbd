package com.zeues.domain.rules;

import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.WorkerRef;
import java.util.Map;

/** Contract §2.3: the occupant releases the spool, progress kept. */
public final class PausarRule {

    private PausarRule() {
    }

    public static Decision decide(CommandContext c) {
        SpoolState s = c.state();
        WorkerRef w = c.requester();
        if (s.bloqueado()) {
            return Rejections.bloqueado(c.tag(), c.op(), w);
        }
        if (c.op() == Operacion.METROLOGIA) {
            return Rejections.noDisponible(s, c.op(), w);
        }
        var owner = OwnershipRule.check(s, c.op(), w);
        if (owner.isPresent()) {
            return owner.get();
        }
        return Decision.accept(ReleaseRule.release(s, w, c.today(), Map.of()));
    }
}
