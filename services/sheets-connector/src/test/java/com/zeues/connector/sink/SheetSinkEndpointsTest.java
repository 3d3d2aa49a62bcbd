package com.zeues.connector.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zeues.connector.sheets.HeaderIndex;
import com.zeues.sheets.emulator.FaultSettings;
import com.zeues.sheets.emulator.SheetsEmulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sink inside the connector app: its status on {@code /api/sheets/sink} and {@code /api/health}, the resync
 * endpoint with the admin token, and the Prometheus metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zeues.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "zeues.topics.prefix=it-sink.",
        "zeues.topics.partitions=3",
        "zeues.sheets.spreadsheet-id=it-sink",
        "zeues.sync.interval=1h",
        "zeues.sink.min-write-interval=200ms",
        "zeues.sink.linger=50ms",
        "zeues.sink.retry-min=100ms",
        "zeues.sink.retry-max=1s",
        "zeues.sink.probe-interval=1s",
        "zeues.admin-token=s3cret"})
@AutoConfigureWebTestClient
@EmbeddedKafka(brokerProperties = {
        "auto.create.topics.enable=false",
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "group.initial.rebalance.delay.ms=0"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SheetSinkEndpointsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final SheetsEmulator emulator = SheetsEmulator.start(0, null);

    static {
        emulator.resetToDemo("it-sink");
    }

    @DynamicPropertySource
    static void sheets(DynamicPropertyRegistry registry) {
        registry.add("zeues.sheets.endpoint", emulator::rootUrl);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Autowired
    WebTestClient web;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private SinkFixture fx;

    @BeforeEach
    void fixture() {
        fx = new SinkFixture(brokers, emulator, "it-sink", false);
    }

    @AfterEach
    void close() {
        emulator.faults().clear();
        fx.close();
    }

    @Test
    @Order(1)
    void eventsReachTheSheetAndTheStatusSaysSo() {
        fx.produce(20, SinkFixture.TAGS.subList(0, 4));
        fx.awaitAllWritten(WAIT);
        fx.assertEveryEventExactlyOnce();
        fx.assertOperacionesShowLatest();

        await().atMost(WAIT).untilAsserted(() -> web.get().uri("/api/sheets/sink").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("running")
                .jsonPath("$.sheets_connection").isEqualTo("ok")
                .jsonPath("$.pending_events").isEqualTo(0)
                .jsonPath("$.lag_events").isEqualTo(0)
                .jsonPath("$.metadata_tab").isEqualTo("Metadata")
                .jsonPath("$.metadata_next_row").isEqualTo(22)
                .jsonPath("$.group_id").isEqualTo("it-sink.zeues-sheets-sink")
                .jsonPath("$.topic").isEqualTo("it-sink.zeues.spool-events")
                .jsonPath("$.last_success").value(v -> assertThat((String) v).matches(".*[-+]0[34]:00")));
        web.get().uri("/api/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.sheets_sink.state").isEqualTo("running")
                .jsonPath("$.sheets_sink.sheets_connection").isEqualTo("ok");
    }

    @Test
    @Order(2)
    void theResyncEndpointNeedsTheAdminTokenAndRepairsABrokenRow() {
        web.post().uri("/api/admin/sheets/resync").exchange()
                .expectStatus().isForbidden().expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error").isEqualTo("TOKEN_INVALIDO");
        String tag = SinkFixture.TAGS.get(1);
        List<List<Object>> op = emulator.values(fx.id, "'Operaciones'");
        int tagCol = HeaderIndex.of(op.get(0)).find("TAG_SPOOL").orElseThrow();
        int row = 1;
        while (!tag.equals(op.get(row - 1).get(tagCol))) {
            row++;
        }
        fx.sheets.set("Operaciones!" + fx.sheets.column("Operaciones", "Estado_Detalle") + row, "a mano");

        web.post().uri("/api/admin/sheets/resync").header("Authorization", "Bearer s3cret").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.resync.spools").isEqualTo(4)
                .jsonPath("$.resync.written").isEqualTo(4)
                .jsonPath("$.resync.missing_rows").isEmpty();

        assertThat(fx.sheets.get("Operaciones!" + fx.sheets.column("Operaciones", "Estado_Detalle") + row))
                .isNotEqualTo("a mano");
    }

    @Test
    @Order(3)
    void anOutageShowsInTheStatusAndTheSinkCatchesUp() {
        emulator.faults().set(FaultSettings.NONE.withOutage(true, "ERROR"));
        fx.produce(5, SinkFixture.TAGS.subList(0, 4));

        await().atMost(WAIT).untilAsserted(() -> web.get().uri("/api/sheets/sink").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.sheets_connection").isEqualTo("error")
                .jsonPath("$.state").isEqualTo("retrying")
                .jsonPath("$.pending_events").isEqualTo(5)
                .jsonPath("$.last_error").value(e -> assertThat((String) e).contains("503")));

        emulator.faults().clear();
        await().atMost(WAIT).untilAsserted(() -> web.get().uri("/api/sheets/sink").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.sheets_connection").isEqualTo("ok")
                .jsonPath("$.pending_events").isEqualTo(0));
        assertThat(fx.metadataRows()).hasSize(25);
    }

    @Test
    @Order(4)
    void prometheusHasTheSinkMetrics() {
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("zeues_sink_write_requests_total{operation=\"values.batchUpdate\",outcome=\"success\"}")
                        .contains("zeues_sink_rows_total{sheet=\"metadata\"} 25.0")
                        .contains("zeues_sink_retries_total{reason=\"5xx\"}")
                        .contains("zeues_sink_lag_events")
                        .contains("zeues_sink_oldest_pending_age_seconds")
                        .contains("zeues_sink_event_lag_seconds_bucket{le=\"+Inf\"} 25")
                        .contains("zeues_sink_event_lag_seconds_count 25")
                        .contains("zeues_sink_read_requests_total"));
    }
}
