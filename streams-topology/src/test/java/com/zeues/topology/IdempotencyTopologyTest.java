package com.zeues.topology;

import static com.zeues.topology.TopologyHarness.Commands.pausar;
import static com.zeues.topology.TopologyHarness.Commands.resent;
import static com.zeues.topology.TopologyHarness.Commands.tomar;
import static com.zeues.topology.TopologyHarness.Commands.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolCommand;
import com.zeues.domain.model.Verdict;
import com.zeues.domain.model.Worker;
import com.zeues.domain.time.BusinessTime;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract §1, Idempotency-Key: the first verdict again, never a second change; another command → 409. */
class IdempotencyTopologyTest {

    static final String TAG = "MK-1335-CW-25238-011";
    static final String TAG2 = "TEST-02";
    static final Worker MAURICIO = new Worker(93, "Mauricio", "Rodriguez", List.of("Armador"), true);
    static final Worker ANA = new Worker(96, "Ana", "Muñoz", List.of("Ayudante"), true);

    private TopologyHarness h;

    @BeforeEach
    void start() {
        // no lease, so a day can pass without the sweep changing anything
        h = new TopologyHarness(new TopologySettings(Duration.ZERO, Duration.ofSeconds(30), Duration.ofHours(24),
                BusinessTime.defaultZone()));
        h.workers(MAURICIO, ANA).spool(TAG, LocalDate.of(2026, 1, 20)).spool(TAG2, LocalDate.of(2026, 1, 20));
        h.discardViews();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private List<Verdict> storedVerdicts(SpoolCommand c) {
        WindowStore<String, Verdict> store = h.driver.getWindowStore(StoreNames.VERDICTS);
        String scope = c.type() + "|" + c.tagSpool() + "|" + c.requestId();
        List<Verdict> out = new java.util.ArrayList<>();
        try (WindowStoreIterator<Verdict> it = store.fetch(scope, 0, Long.MAX_VALUE)) {
            it.forEachRemaining(kv -> out.add(kv.value));
        }
        return out;
    }

    @Test
    void aReplayWithTheSameKeyReturnsTheFirstVerdictAndAppliesNothing() {
        SpoolCommand first = withKey(tomar(TAG, 93, Operacion.ARM), "key-1");
        Verdict v1 = h.ok(first);
        assertThat(h.events()).hasSize(1);
        assertThat(h.views()).hasSize(1);

        h.advance(Duration.ofMinutes(5));
        SpoolCommand again = resent(first, 3); // a new HTTP request: new correlation id, another instance
        Verdict v2 = h.send(again);
        assertThat(v2.status()).isEqualTo(200);
        assertThat(v2.body()).isEqualTo(v1.body());
        assertThat(v2.body()).containsEntry("request_id", "key-1").containsEntry("version", 1);
        assertThat(v2.correlationId()).isEqualTo(again.correlationId()).isNotEqualTo(v1.correlationId());
        assertThat(v2.replyPartition()).isEqualTo(3);
        assertThat(h.noEvents()).as("no second event").isTrue();
        assertThat(h.views()).isEmpty();
        assertThat(h.state(TAG).version()).isEqualTo(1);
        assertThat(storedVerdicts(first)).hasSize(1);
    }

    @Test
    void aReplayOfARejectionIsTheSameRejectionEvenAfterTheSpoolChanged() {
        h.ok(tomar(TAG, 93, Operacion.ARM));
        SpoolCommand taken = withKey(tomar(TAG, 96, Operacion.ARM), "key-2");
        Verdict v1 = h.fails(taken, "SPOOL_OCCUPIED");
        h.ok(pausar(TAG, 93, Operacion.ARM));
        h.events();
        Verdict v2 = h.send(resent(taken, 0));
        assertThat(v2.status()).isEqualTo(409);
        assertThat(v2.body()).isEqualTo(v1.body());
        assertThat(h.noEvents()).isTrue();
    }

    @Test
    void theSameKeyForAnotherCanonicalCommandIsReused409() {
        Verdict v1 = h.ok(withKey(tomar(TAG, 93, Operacion.ARM), "key-3"));
        h.events();
        Verdict v2 = h.send(withKey(tomar(TAG, 96, Operacion.ARM), "key-3"));
        assertThat(v2.status()).isEqualTo(409);
        assertThat(v2.body()).containsEntry("success", false).containsEntry("error", "IDEMPOTENCY_KEY_REUSED");
        assertThat((String) v2.body().get("message")).contains("key-3").contains(TAG);
        assertThat(v2.body().get("detail")).isEqualTo(v2.body().get("message"));
        assertThat(h.noEvents()).isTrue();
        // the first verdict is still the one a true replay gets
        assertThat(h.send(withKey(tomar(TAG, 93, Operacion.ARM), "key-3")).body()).isEqualTo(v1.body());
        // another operation or date also makes it another command
        assertThat(h.send(withKey(tomar(TAG, 93, Operacion.SOLD), "key-3")).body())
                .containsEntry("error", "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void theCanonicalCommandIgnoresCorrelationAndReplyPartition() {
        SpoolCommand a = withKey(tomar(TAG, 93, Operacion.ARM), "k");
        SpoolCommand b = resent(a, 2);
        assertThat(a.canonical()).isEqualTo(b.canonical());
        SpoolCommand c = withKey(TopologyHarness.Commands.completar(TAG, 93, Operacion.ARM, LocalDate.of(2026, 2, 1)), "k");
        SpoolCommand d = withKey(TopologyHarness.Commands.completar(TAG, 93, Operacion.ARM, LocalDate.of(2026, 1, 31)), "k");
        assertThat(c.canonical()).isNotEqualTo(d.canonical());
    }

    @Test
    void aKeyIsScopedToOneEndpointAndOneSpool() {
        h.ok(withKey(tomar(TAG, 93, Operacion.ARM), "shared"));
        h.ok(withKey(tomar(TAG2, 93, Operacion.ARM), "shared")); // another tag: decided on its own
        h.ok(withKey(pausar(TAG, 93, Operacion.ARM), "shared")); // another endpoint: decided on its own
        assertThat(h.events()).hasSize(3);
    }

    @Test
    void aRequestIdWithoutTheIdempotentFlagIsNotStored() {
        SpoolCommand plain = tomar(TAG, 93, Operacion.ARM);
        h.ok(plain);
        assertThat(storedVerdicts(plain)).isEmpty();
        // sent again, it is decided again: the same worker taking twice is occupied
        h.fails(resent(plain, 0), "SPOOL_OCCUPIED");
        assertThat(h.events()).hasSize(1);
    }

    @Test
    void aKeyIsForgottenAfterTheRetention() {
        SpoolCommand first = withKey(tomar(TAG, 93, Operacion.ARM), "key-old");
        h.ok(first);
        h.advance(Duration.ofHours(24).plusMinutes(1));
        h.fails(resent(first, 0), "SPOOL_OCCUPIED"); // decided again
        h.advance(Duration.ofHours(1));
        Verdict stillWithin = h.send(withKey(pausar(TAG, 93, Operacion.ARM), "key-new"));
        assertThat(stillWithin.status()).isEqualTo(200);
        h.advance(Duration.ofHours(23));
        assertThat(h.send(withKey(pausar(TAG, 93, Operacion.ARM), "key-new")).body()).isEqualTo(stillWithin.body());
        assertThat(h.events()).hasSize(2);
    }
}
