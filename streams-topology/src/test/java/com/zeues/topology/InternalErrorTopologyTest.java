package com.zeues.topology;

import static com.zeues.topology.TopologyHarness.Commands.pausar;
import static com.zeues.topology.TopologyHarness.Commands.resent;
import static com.zeues.topology.TopologyHarness.Commands.tomar;
import static com.zeues.topology.TopologyHarness.Commands.withKey;
import static com.zeues.topology.TopologyHarness.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.model.Occupation;
import com.zeues.domain.model.OpEstado;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.Verdict;
import com.zeues.domain.model.Worker;
import com.zeues.domain.model.WorkerRef;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Architecture §3: a bug while deciding one command is a 500 with nothing applied; the processor goes on. */
class InternalErrorTopologyTest {

    static final String TAG = "MK-1335-CW-25238-011";
    static final String TAG2 = "TEST-02";
    static final Worker MAURICIO = new Worker(93, "Mauricio", "Rodriguez", List.of("Armador"), true);
    static final Worker ANA = new Worker(96, "Ana", "Muñoz", List.of("Ayudante"), true);

    private TopologyHarness h;
    private SpoolState broken;

    @BeforeEach
    void start() {
        h = new TopologyHarness();
        h.workers(MAURICIO, ANA).spool(TAG, LocalDate.of(2026, 1, 20)).spool(TAG2, LocalDate.of(2026, 1, 20));
        h.discardViews();
        // a state the rules cannot handle: an occupation without its worker (say, written by a buggy release)
        broken = h.state(TAG).toBuilder().arm(OpEstado.EN_PROGRESO).version(4)
                .occupation(new Occupation(null, Operacion.ARM, START)).build();
        h.spoolStore().put(TAG, broken);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aCommandThatMakesTheRulesThrowGets500AndNothingIsApplied() {
        Verdict v = h.send(pausar(TAG, 93, Operacion.ARM));
        assertThat(v.status()).isEqualTo(500);
        assertThat(v.body().keySet()).containsExactly("success", "error", "message", "detail", "data");
        assertThat(v.body()).containsEntry("success", false).containsEntry("error", "ERROR_INTERNO")
                .containsEntry("data", null);
        assertThat((String) v.body().get("message")).contains(TAG).contains("PAUSAR").contains("93");
        assertThat(h.noEvents()).isTrue();
        assertThat(h.views()).isEmpty();
        assertThat(h.state(TAG)).isEqualTo(broken);
    }

    @Test
    void theNextCommandsStillWork() {
        assertThat(h.send(tomar(TAG, 96, Operacion.ARM)).status()).isEqualTo(500);
        h.ok(tomar(TAG2, 96, Operacion.ARM));
        assertThat(h.events()).hasSize(1);
        // once the state is repaired the same spool goes on too
        h.spoolStore().put(TAG, broken.toBuilder().occupation(new Occupation(WorkerRef.of(MAURICIO), Operacion.ARM,
                START)).build());
        Verdict v = h.ok(pausar(TAG, 93, Operacion.ARM));
        assertThat(v.body()).containsEntry("version", 5);
    }

    @Test
    void anInternalErrorIsNotKeptForItsIdempotencyKey() {
        SpoolCommand c = withKey(pausar(TAG, 93, Operacion.ARM), "key-500");
        assertThat(h.send(c).status()).isEqualTo(500);
        h.spoolStore().put(TAG, broken.toBuilder().occupation(new Occupation(WorkerRef.of(MAURICIO), Operacion.ARM,
                START)).build());
        // the client's retry with the same key is decided again, now successfully
        assertThat(h.send(resent(c, 0)).status()).isEqualTo(200);
        assertThat(h.events()).hasSize(1);
    }

    @Test
    void aMalformedCommandIsAnsweredAndDoesNotStopTheProcessor() {
        // a command record without its type (a sender's bug): answered, not a crash of the task
        SpoolCommand noType = new SpoolCommand("r-1", true, "c-1", 0, null, TAG2, 96, Operacion.ARM, null, null, null);
        Verdict v = h.send(noType);
        assertThat(v.status()).isEqualTo(422);
        assertThat(v.body()).containsEntry("error", "VALIDATION_ERROR");
        SpoolCommand noOperacion = TopologyHarness.Commands.of(com.zeues.domain.model.CommandType.TOMAR, TAG2, 96,
                null, null, null, null);
        assertThat(h.send(noOperacion).body()).containsEntry("error", "VALIDATION_ERROR");
        assertThat(h.noEvents()).isTrue();
        h.ok(tomar(TAG2, 96, Operacion.ARM));
    }
}
