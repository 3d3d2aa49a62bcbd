package com.zeues.occupation;

import static com.zeues.occupation.MasterDataFixture.MAURICIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zeues.kafkalocal.FreePorts;
import com.zeues.kafkalocal.KafkaLocalBroker;
import com.zeues.occupation.ApiClient.Response;
import com.zeues.occupation.SseTestClient.Frame;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract §5: while Kafka is unreachable the SSE stream stays open and says so ({@code status} error), then ok
 * again when the broker is back, and changes flow on the same stream. Uses a broker in a child JVM that the test
 * stops and restarts on the same data and port; the outage itself lasts a few seconds.
 */
class SseKafkaOutageTest {

    @TempDir
    Path dir;

    static boolean status(Frame f, String kafka) {
        return "status".equals(f.event()) && kafka.equals(f.json().get("kafka").asString());
    }

    @Test
    @Timeout(300)
    void theStreamStaysOpenThroughABrokerOutageAndReportsIt() {
        int[] ports = FreePorts.find(2);
        try (KafkaLocalBroker broker = KafkaLocalBroker.builder().dataDir(dir).port(ports[0])
                .controllerPort(ports[1]).build().start();
             OccupationServiceContext svc = new OccupationServiceContext(broker.bootstrapServers(),
                     "zeues.views.heartbeat=1s", "zeues.views.kafka-status-interval=1s")) {
            MasterDataFixture.publish(svc.bootstrap(), svc.topics(), 6_000L);
            svc.start();
            ApiClient api = new ApiClient(svc.port());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> api.get("/api/health").body().get("operational").asBoolean());

            try (SseTestClient sse = SseTestClient.connect(svc.port())) {
                sse.await("snapshot", Duration.ofSeconds(10));
                sse.await(f -> status(f, "ok"), 0, Duration.ofSeconds(10));

                long down = System.nanoTime();
                broker.stop();
                long stopped = System.nanoTime();
                int lost = indexOf(sse, sse.await(f -> status(f, "error"), 0, Duration.ofSeconds(30)));
                long reported = System.nanoTime();
                // still open: the heartbeat goes on, and no 503 for a new client either
                sse.await(Frame::isComment, lost + 1, Duration.ofSeconds(5));
                assertThat(sse.ended()).isFalse();
                try (SseTestClient during = SseTestClient.connect(svc.port())) {
                    assertThat(during.status()).isEqualTo(200);
                    during.await(f -> status(f, "error"), 0, Duration.ofSeconds(10));
                }
                assertThat(api.get("/api/health").body().get("kafka_connection").asString()).isEqualTo("error");

                // commands: the first sends wait out the producer's max.block.ms (1 s) and fail; after a run of
                // those the breaker refuses at once, so requests do not pile up behind blocked sends
                List<Long> took = new ArrayList<>();
                Response refused = null;
                for (int i = 0; i < 15 && (took.isEmpty() || took.get(took.size() - 1) >= 900); i++) {
                    long t = System.nanoTime();
                    refused = api.post("/api/occupation/tomar", Map.of("tag_spool", "TEST-02", "worker_id",
                            MAURICIO, "operacion", "ARM"), Map.of());
                    took.add(ms(t, System.nanoTime()));
                    assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
                    assertThat(refused.error()).isEqualTo("SERVICIO_NO_DISPONIBLE");
                }
                assertThat(took.get(took.size() - 1)).as("a command refused without waiting for the producer, after"
                        + " commands that took %s ms: %s", took, refused.raw()).isLessThan(900);
                assertThat(took.size()).as("refusals waiting for the producer before the breaker opened: %s", took)
                        .isBetween(2, 8);
                assertThat(api.get("/api/health").body().get("details").get("command_sends").asString())
                        .isIn("open", "half_open");

                long restart = System.nanoTime();
                broker.start();
                long started = System.nanoTime();
                sse.await(f -> status(f, "ok"), lost + 1, Duration.ofSeconds(60));
                long outageMs = (System.nanoTime() - down) / 1_000_000;
                System.out.printf("outage: broker stop %d ms, status error after %d ms, broker start %d ms, "
                                + "status ok after %d ms; %d ms in all%n", ms(down, stopped), ms(stopped, reported),
                        ms(restart, started), ms(started, System.nanoTime()), outageMs);
                assertThat(outageMs).as("a short outage").isLessThan(60_000);
                assertThat(sse.ended()).isFalse();

                // changes reach the same stream once the topology has recovered
                int mark = sse.size();
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    Response r = api.post("/api/occupation/tomar", Map.of("tag_spool", "TEST-01", "worker_id",
                            MAURICIO, "operacion", "ARM"), Map.of("Idempotency-Key", "after-outage"));
                    return r.status() == 200;
                });
                sse.awaitUpdate("TEST-01", "TOMAR_SPOOL", mark, Duration.ofSeconds(10));
                assertThat(sse.ended()).isFalse();
            }
        }
    }

    @Test
    @Timeout(120)
    void aStreamOpenedWhileKafkaIsUnreachableSaysSoAndStaysOpen() {
        int unreachable = FreePorts.find();
        try (OccupationServiceContext svc = new OccupationServiceContext("127.0.0.1:" + unreachable,
                "zeues.views.heartbeat=1s", "zeues.views.kafka-status-interval=1s")) {
            svc.start();
            try (SseTestClient sse = SseTestClient.connect(svc.port())) {
                assertThat(sse.status()).isEqualTo(200);
                sse.await(f -> status(f, "error"), 0, Duration.ofSeconds(15));
                int mark = sse.size();
                sse.await(Frame::isComment, mark, Duration.ofSeconds(5));
                assertThat(sse.frames().get(0).retry()).isEqualTo("3000");
                assertThat(sse.events("snapshot")).as("no snapshot before the views are loaded").isEmpty();
                assertThat(sse.ended()).isFalse();
            }
            Response listing = new ApiClient(svc.port()).get("/api/spools/iniciar?operacion=ARM");
            assertThat(listing.status()).as(listing.raw()).isEqualTo(503);
            assertThat(listing.error()).isEqualTo("SERVICIO_NO_DISPONIBLE");
        }
    }

    static long ms(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    static int indexOf(SseTestClient sse, Frame frame) {
        return sse.frames().indexOf(frame);
    }
}
