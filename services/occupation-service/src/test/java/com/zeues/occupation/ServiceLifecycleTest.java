package com.zeues.occupation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zeues.occupation.ApiClient.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Before the master data is loaded, commands get 503 and health says not operational; after a restart on the
 * same state the spools are as they were.
 */
class ServiceLifecycleTest {

    @Test
    void notOperationalUntilMasterDataThenStateSurvivesARestart() {
        try (OccupationServiceContext svc = new OccupationServiceContext(SharedKafka.bootstrapServers())) {
            svc.start();
            ApiClient api = new ApiClient(svc.port());
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    "RUNNING".equals(api.get("/api/health").body().get("streams_state").asString()));
            JsonNode health = api.get("/api/health").body();
            assertThat(health.get("operational").asBoolean()).isFalse();
            assertThat(health.get("status").asString()).isEqualTo("unhealthy");
            assertThat(health.get("details").get("master_data_loaded").asBoolean()).isFalse();
            assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(503);
            Response early = api.post("/api/occupation/tomar", ApiClient.cmd("TEST-01", 93, "ARM"));
            assertThat(early.status()).as(early.raw()).isEqualTo(503);
            assertThat(early.error()).isEqualTo("SERVICIO_NO_DISPONIBLE");

            MasterDataFixture.publish(svc.bootstrap(), svc.topics(), 2_000L);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    api.get("/api/health").body().get("operational").asBoolean());
            Response tomar = api.post("/api/occupation/tomar", ApiClient.cmd("TEST-01", 93, "ARM"),
                    Map.of("Idempotency-Key", "restart-key"));
            assertThat(tomar.status()).as(tomar.raw()).isEqualTo(200);

            svc.stop();
            svc.start();
            ApiClient again = new ApiClient(svc.port());
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    again.get("/api/health").body().get("operational").asBoolean());
            JsonNode status = again.get("/api/occupation/status/TEST-01").body();
            assertThat(status.get("ocupado_por").asString()).isEqualTo("MR(93)");
            assertThat(status.get("version").asLong()).isEqualTo(1);
            assertThat(again.get("/api/history/TEST-01").body().get("events")).hasSize(1);
            // the verdict store survived too: the retry after the restart replays the first answer
            Response retry = again.post("/api/occupation/tomar", ApiClient.cmd("TEST-01", 93, "ARM"),
                    Map.of("Idempotency-Key", "restart-key"));
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.body()).isEqualTo(tomar.body());
        }
    }
}
