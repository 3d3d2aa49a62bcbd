package com.zeues.bench;

import static com.zeues.bench.BenchFixtures.CREW;
import static com.zeues.bench.BenchFixtures.JSON;
import static com.zeues.bench.BenchFixtures.readyForArm;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class TabletTest {

    /**
     * A server that keeps each spool's state and answers by the contract model, serially; {@code grantEveryTomar}
     * breaks it the way the old Redis lock failed: a second TOMAR on a held spool also wins.
     */
    static final class FakeServer implements HttpSender {
        final Map<String, ExpectedSpool> spools = new HashMap<>();
        final ContractModel model = new ContractModel(CREW);
        final boolean grantEveryTomar;
        int requests;

        FakeServer(boolean grantEveryTomar) {
            this.grantEveryTomar = grantEveryTomar;
        }

        @Override
        public CompletableFuture<Reply> post(String path, String json) {
            requests++;
            JsonNode b = JSON.readTree(json);
            String kind = path.endsWith("/tomar") ? "TOMAR" : path.endsWith("/pausar") ? "PAUSAR"
                    : path.startsWith("/api/metrologia") ? "METROLOGIA" : path.endsWith("/cancelar") ? "CANCELAR"
                    : "COMPLETAR";
            String tag = b.path("tag_spool").asString();
            BenchRequest r = new BenchRequest(kind, b.path("operacion").asString(null), tag,
                    b.path("worker_id").asInt(), b.path("resultado").asString(null));
            ExpectedSpool s = spools.get(tag);
            ContractModel.Prediction p = model.predict(s, r);
            ObjectNode out = JSON.createObjectNode();
            int status = p.expected().status();
            if (status == 200 || (grantEveryTomar && kind.equals("TOMAR") && status == 409)) {
                ExpectedSpool after = p.after();
                if (after == null) { // the broken lock: take it over anyway
                    after = s.copy();
                    after.occupy(CREW.get(r.workerId()), r.operacion());
                    after.version++;
                }
                spools.put(tag, after);
                out.put("success", true).put("tag_spool", tag).put("estado_detalle", after.estadoDetalle())
                        .put("version", after.version);
                status = 200;
            } else {
                out.put("success", false).put("error", p.expected().error());
                if (p.expected().ownerId() != null) {
                    out.putObject("data").put("owner_id", p.expected().ownerId());
                }
            }
            return CompletableFuture.completedFuture(new Reply(status, out, System.nanoTime()));
        }

        @Override
        public CompletableFuture<Reply> get(String path) {
            throw new UnsupportedOperationException(path);
        }
    }

    private static Plant plant(FakeServer server, int n) {
        Plant plant = new Plant();
        for (int i = 1; i <= n; i++) {
            ExpectedSpool s = readyForArm(String.format("TEST-%02d", i));
            server.spools.put(s.tag, s.copy());
            plant.giveBack(s);
        }
        return plant;
    }

    @Test
    void cyclesAgainstAContractAbidingServerMakeNoErrorsAndFinishSpools() {
        FakeServer server = new FakeServer(false);
        Plant plant = plant(server, 20);
        ErrorTally errors = new ErrorTally("test");
        Tablet.Counters counters = new Tablet.Counters();
        Tablet tablet = new Tablet(plant, CREW, server, errors, counters, 7, 0.3);
        int steps = 0;
        while (!tablet.step().join().starved()) {
            steps++;
        }
        assertThat(errors.count()).isZero();
        assertThat(counters.conflicts.get()).isPositive();
        assertThat(steps).isGreaterThan(20 * 9); // ARM, SOLD and inspection cycles of every spool
        // every spool ended approved or blocked: nothing was left held or half-done
        assertThat(server.spools.values()).allSatisfy(s -> {
            assertThat(s.occupied()).isFalse();
            assertThat(s.nextOperation()).isNull();
        });
        assertThat(plant.available()).isZero();
    }

    @Test
    void aServerThatLetsTwoWorkersHoldOneSpoolIsCaught() {
        FakeServer server = new FakeServer(true);
        Plant plant = plant(server, 5);
        ErrorTally errors = new ErrorTally("test");
        Tablet tablet = new Tablet(plant, CREW, server, errors, new Tablet.Counters(), 3, 1.0);
        for (int i = 0; i < 40 && !tablet.step().join().starved(); i++) {
            // every cycle carries a race or an intruder
        }
        assertThat(errors.count()).isPositive();
    }
}
