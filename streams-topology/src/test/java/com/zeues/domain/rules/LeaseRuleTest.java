package com.zeues.domain.rules;

import static com.zeues.domain.Fixtures.JUAN;
import static com.zeues.domain.Fixtures.MAURICIO;
import static com.zeues.domain.Fixtures.NOW;
import static com.zeues.domain.Fixtures.TODAY;
import static com.zeues.domain.model.Operacion.ARM;
import static com.zeues.domain.model.Operacion.REPARACION;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.Fixtures.Flow;
import com.zeues.domain.model.Accion;
import com.zeues.domain.model.EventoTipo;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.ReparacionEstado;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.WorkerRef;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract §2.10: an occupation older than the lease is released by the system as a pause. */
class LeaseRuleTest {

    private static final Duration LEASE = Duration.ofHours(8);

    @Test
    void notExpiredBeforeTheLease() {
        SpoolState s = Flow.fresh().tomar(MAURICIO, ARM).state();
        assertThat(LeaseRule.expired(s, NOW.plus(LEASE).minusMillis(1), LEASE)).isFalse();
        assertThat(LeaseRule.expire(s, NOW.plus(LEASE).minusMillis(1), TODAY, LEASE)).isEmpty();
    }

    @Test
    void expiredExactlyAtTheLease() {
        SpoolState s = Flow.fresh().tomar(MAURICIO, ARM).state();
        assertThat(LeaseRule.expired(s, NOW.plus(LEASE), LEASE)).isTrue();
        assertThat(LeaseRule.expired(s, NOW.plus(Duration.ofDays(3)), LEASE)).isTrue();
    }

    @Test
    void zeroMeansNever() {
        SpoolState s = Flow.fresh().tomar(MAURICIO, ARM).state();
        assertThat(LeaseRule.expired(s, NOW.plus(Duration.ofDays(365)), Duration.ZERO)).isFalse();
        assertThat(LeaseRule.expired(s, NOW.plus(Duration.ofDays(365)), Duration.ofHours(-1))).isFalse();
    }

    @Test
    void aFreeSpoolNeverExpires() {
        SpoolState s = Flow.fresh().tomar(MAURICIO, ARM).pausar(MAURICIO, ARM).state();
        assertThat(LeaseRule.expired(s, NOW.plus(Duration.ofDays(2)), LEASE)).isFalse();
    }

    @Test
    void theReleaseIsThePauseOfItsOperationBySystem() {
        SpoolState s = Flow.fresh().tomar(MAURICIO, ARM).state();
        Transition t = LeaseRule.expire(s, NOW.plus(LEASE), TODAY, LEASE).orElseThrow();
        assertThat(t.after().arm()).isEqualTo(OpEstado.PAUSADO);
        assertThat(t.after().occupation()).isNull();
        assertThat(t.after().armador()).isEqualTo(new WorkerRef(93, "MR(93)"));
        assertThat(t.tipo()).isEqualTo(EventoTipo.PAUSAR_SPOOL);
        assertThat(t.accion()).isEqualTo(Accion.PAUSAR);
        assertThat(t.operacion()).isEqualTo(ARM);
        assertThat(t.worker()).isEqualTo(WorkerRef.SYSTEM);
        assertThat(t.fechaOperacion()).isEqualTo(TODAY);
        assertThat(t.metadata()).isEqualTo(Map.of("motivo", "lease_expired"));
    }

    @Test
    void anExpiredRepairBecomesAPausedRepair() {
        SpoolState s = Flow.fresh().listoParaMetrologia().metrologia(Resultado.RECHAZADO).tomar(JUAN, REPARACION).state();
        Transition t = LeaseRule.expire(s, NOW.plus(LEASE), TODAY, LEASE).orElseThrow();
        assertThat(t.after().reparacion()).isEqualTo(ReparacionEstado.REPARACION_PAUSADA);
        assertThat(t.tipo()).isEqualTo(EventoTipo.PAUSAR_REPARACION);
        assertThat(t.operacion()).isEqualTo(REPARACION);
    }
}
