package com.zeues.domain.rules;

import static com.zeues.domain.Fixtures.MAURICIO;
import static com.zeues.domain.Fixtures.NOW;
import static com.zeues.domain.Fixtures.TAG;
import static com.zeues.domain.Fixtures.TODAY;
import static com.zeues.domain.Fixtures.accepted;
import static com.zeues.domain.Fixtures.cmd;
import static com.zeues.domain.model.CommandType.PAUSAR;
import static com.zeues.domain.model.CommandType.TOMAR;
import static com.zeues.domain.model.Operacion.ARM;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.Fixtures;
import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.SpoolView;
import com.zeues.domain.rules.ChangeApplier.Applied;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One accepted change: one version, one event, one new view. */
class ChangeApplierTest {

    @Test
    void numbersTheChangeAndBuildsItsEvent() {
        SpoolState before = Fixtures.fresh();
        assertThat(before.version()).isZero();
        Transition t = accepted(Fixtures.decide(before, MAURICIO, cmd(TOMAR, 93, ARM)));
        Applied a = ChangeApplier.apply(before, t, NOW);

        assertThat(a.state().version()).isEqualTo(1);
        assertThat(a.state()).isEqualTo(t.after().toBuilder().version(1).build());
        assertThat(a.view()).isEqualTo(SpoolView.of(a.state()));
        assertThat(a.view().version()).isEqualTo(1);

        SpoolEvent e = a.event();
        assertThat(e.schemaVersion()).isEqualTo(1);
        assertThat(e.eventId()).isEqualTo(SpoolEvent.eventId(TAG, 1));
        assertThat(e.timestamp()).isEqualTo(NOW);
        assertThat(e.eventoTipo()).isEqualTo(EventoTipo.TOMAR_SPOOL);
        assertThat(e.tagSpool()).isEqualTo(TAG);
        assertThat(e.workerId()).isEqualTo(93);
        assertThat(e.workerNombre()).isEqualTo("MR(93)");
        assertThat(e.operacion()).isEqualTo(ARM);
        assertThat(e.accion()).isEqualTo(Accion.TOMAR);
        assertThat(e.fechaOperacion()).isEqualTo(TODAY);
        assertThat(e.version()).isEqualTo(1);
        assertThat(e.metadata()).isEmpty();
        assertThat(e.estadoDetalle()).isEqualTo("MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)")
                .isEqualTo(a.view().estadoDetalle());
        assertThat(e.spool()).isEqualTo(a.view());
    }

    @Test
    void eachChangeAddsOneToTheVersionOfTheStateBeforeIt() {
        SpoolState s0 = Fixtures.fresh().toBuilder().version(41).build();
        Applied a1 = ChangeApplier.apply(s0, accepted(Fixtures.decide(s0, MAURICIO, cmd(TOMAR, 93, ARM))), NOW);
        Instant later = NOW.plusSeconds(60);
        Applied a2 = ChangeApplier.apply(a1.state(),
                accepted(Fixtures.decide(a1.state(), MAURICIO, cmd(PAUSAR, 93, ARM))), later);
        assertThat(a1.event().version()).isEqualTo(42);
        assertThat(a2.event().version()).isEqualTo(43);
        assertThat(a2.state().version()).isEqualTo(43);
        assertThat(a2.event().timestamp()).isEqualTo(later);
        assertThat(a2.event().eventId()).isNotEqualTo(a1.event().eventId());
    }

    @Test
    void eventIdsAreStablePerTagAndVersion() {
        assertThat(SpoolEvent.eventId(TAG, 7)).isEqualTo(SpoolEvent.eventId(TAG, 7));
        assertThat(SpoolEvent.eventId(TAG, 7)).isNotEqualTo(SpoolEvent.eventId(TAG, 8));
        assertThat(SpoolEvent.eventId("TEST-02", 7)).isNotEqualTo(SpoolEvent.eventId(TAG, 7));
        assertThat(SpoolEvent.eventId(TAG, 7)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
}
