package com.zeues.occupation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zeues.occupation.ApiClient.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A verdict that misses the reply timeout is a 504 with its request id, and is there later. */
class PendingVerdictTest {

    @Test
    void aLateVerdictIsAvailableFromOperations() {
        try (OccupationServiceContext svc = new OccupationServiceContext(SharedKafka.bootstrapServers(),
                "zeues.commands.reply-timeout=1ms")) {
            MasterDataFixture.publish(svc.bootstrap(), svc.topics(), 3_000L);
            svc.start();
            ApiClient api = new ApiClient(svc.port());
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    api.get("/api/health").body().get("operational").asBoolean());

            Response r = api.post("/api/occupation/tomar", ApiClient.cmd("TEST-05", 93, "ARM"));
            assertThat(r.status()).as(r.raw()).isEqualTo(504);
            assertThat(r.error()).isEqualTo("OPERACION_PENDIENTE");
            String id = r.body().get("data").get("request_id").asString();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Response op = api.get("/api/operations/" + id);
                assertThat(op.status()).as(op.raw()).isEqualTo(200);
                assertThat(op.body().get("status").asInt()).isEqualTo(200);
                assertThat(op.body().get("body").get("estado_detalle").asString())
                        .isEqualTo("MR(93) trabajando ARM (ARM en progreso, SOLD pendiente)");
            });
            assertThat(api.get("/api/occupation/status/TEST-05").body().get("ocupado_por").asString())
                    .isEqualTo("MR(93)");
        }
    }
}
