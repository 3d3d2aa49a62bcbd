package com.zeues.occupation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zeues.occupation.ApiClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.zeues.domain.model.SyncRequest;
import com.zeues.topology.TopicRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two and three instances of the service with one application id share the topology's partitions: commands go to either,
 * each verdict returns to the instance holding the request, a status or history query for a spool the other instance
 * owns is answered by the owner, and when one instance stops the other takes everything over.
 */
class MultiInstanceTest {

    private static final List<String> TAGS = List.of("TEST-01", "TEST-02", "TEST-03", "TEST-04", "TEST-05",
            "TEST-06", "TEST-07", "TEST-08", "TEST-09", "TEST-10");

    @Test
    void twoInstancesShareThePartitionsAndAnswerForEachOther() {
        try (OccupationServiceContext one = new OccupationServiceContext(SharedKafka.bootstrapServers());
             OccupationServiceContext two = one.peer(1)) {
            ApiClient a = one.startOperational();
            two.start();
            ApiClient b = new ApiClient(two.port());

            // the partitions are split between the two (3 partitions: 2 and 1), each operational
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                Set<Integer> held = new HashSet<>();
                for (ApiClient api : List.of(a, b)) {
                    JsonNode health = api.get("/api/health").body();
                    assertThat(health.get("operational").asBoolean()).as(health.toString()).isTrue();
                    List<Integer> mine = ints(health.get("details").get("partitions_held"));
                    assertThat(mine).as("each instance holds a partition: " + health).isNotEmpty();
                    held.addAll(mine);
                }
                assertThat(held).containsExactlyInAnyOrder(0, 1, 2);
            });

            // every spool answers the same on both instances: half of these answers come from the other one
            for (String tag : TAGS) {
                Response viaA = a.get("/api/occupation/status/" + tag);
                Response viaB = b.get("/api/occupation/status/" + tag);
                assertThat(viaA.status()).as(viaA.raw()).isEqualTo(200);
                assertThat(viaB.raw()).isEqualTo(viaA.raw());
            }
            assertThat(b.get("/api/occupation/status/NO-EXISTE-1").error()).isEqualTo("SPOOL_NO_ENCONTRADO");
            assertThat(a.get("/api/occupation/status/NO-EXISTE-1").error()).isEqualTo("SPOOL_NO_ENCONTRADO");

            // commands to either instance; each sees the other's change, history included
            List<String> requestIds = new ArrayList<>();
            for (int i = 0; i < TAGS.size(); i++) {
                ApiClient to = i % 2 == 0 ? a : b;
                Response r = to.post("/api/occupation/tomar", ApiClient.cmd(TAGS.get(i), 93, "ARM"),
                        Map.of("Idempotency-Key", "multi-" + i));
                assertThat(r.status()).as(r.raw()).isEqualTo(200);
                requestIds.add(r.body().get("request_id").asString());
                ApiClient other = to == a ? b : a;
                Response status = other.get("/api/occupation/status/" + TAGS.get(i));
                assertThat(status.body().get("ocupado_por").asString()).as(status.raw()).isEqualTo("MR(93)");
                Response history = other.get("/api/history/" + TAGS.get(i));
                assertThat(history.status()).as(history.raw()).isEqualTo(200);
                assertThat(history.body().get("events").size()).isGreaterThanOrEqualTo(1);
            }
            // a retry with the same key at the other instance gets the original verdict, not a second TOMAR
            Response retry = b.post("/api/occupation/tomar", ApiClient.cmd(TAGS.get(0), 93, "ARM"),
                    Map.of("Idempotency-Key", "multi-0"));
            assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
            // a verdict can be looked up on either instance, whichever one sent the command
            for (String id : requestIds) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(a.get("/api/operations/" + id).status()).isEqualTo(200);
                    assertThat(b.get("/api/operations/" + id).status()).isEqualTo(200);
                });
            }
            // an admin sync is answered once every partition, on both instances, has processed it
            Response sync;
            try (SyncAnswerer connector = new SyncAnswerer(one)) {
                sync = a.post("/api/admin/sync", "{}",
                        Map.of("Authorization", "Bearer " + OccupationServiceContext.ADMIN_TOKEN));
            }
            assertThat(sync.status()).as(sync.raw()).isEqualTo(200);
            Response markers = b.get("/api/internal/sync-markers");
            assertThat(markers.status()).isEqualTo(200);
            assertThat(markers.body().get("partitions").size()).isGreaterThanOrEqualTo(1);

            // one instance leaves: the other takes all partitions and answers for every spool itself
            two.stop();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                JsonNode health = a.get("/api/health").body();
                assertThat(ints(health.get("details").get("partitions_held"))).containsExactly(0, 1, 2);
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String tag : TAGS) {
                    Response s = a.get("/api/occupation/status/" + tag);
                    assertThat(s.status()).as(s.raw()).isEqualTo(200);
                    assertThat(s.body().get("ocupado_por").asString()).isEqualTo("MR(93)");
                }
            });
            Response pausar = a.post("/api/occupation/pausar", ApiClient.cmd(TAGS.get(1), 93, "ARM"));
            assertThat(pausar.status()).as(pausar.raw()).isEqualTo(200);
        }
    }

    @Test
    void threeInstancesHoldAPartitionEachAndAnswerEveryCommandAndQuery() {
        try (OccupationServiceContext one = new OccupationServiceContext(SharedKafka.bootstrapServers());
             OccupationServiceContext two = one.peer(1);
             OccupationServiceContext three = one.peer(2)) {
            ApiClient a = one.startOperational();
            two.start();
            three.start();
            List<ApiClient> all = List.of(a, new ApiClient(two.port()), new ApiClient(three.port()));

            // 3 partitions, 3 instances: one each, every instance operational
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                List<Integer> held = new ArrayList<>();
                for (ApiClient api : all) {
                    JsonNode health = api.get("/api/health").body();
                    assertThat(health.get("operational").asBoolean()).as(health.toString()).isTrue();
                    List<Integer> mine = ints(health.get("details").get("partitions_held"));
                    assertThat(mine).as("one partition per instance: " + health).hasSize(1);
                    held.addAll(mine);
                }
                assertThat(held).containsExactlyInAnyOrder(0, 1, 2);
            });

            // a command through each instance, its change seen through the other two
            for (int i = 0; i < 6; i++) {
                ApiClient to = all.get(i % 3);
                Response r = to.post("/api/occupation/tomar", ApiClient.cmd(TAGS.get(i), 93, "ARM"),
                        Map.of("Idempotency-Key", "three-" + i));
                assertThat(r.status()).as(r.raw()).isEqualTo(200);
                for (ApiClient other : all) {
                    Response status = other.get("/api/occupation/status/" + TAGS.get(i));
                    assertThat(status.status()).as(status.raw()).isEqualTo(200);
                    assertThat(status.body().get("ocupado_por").asString()).as(status.raw()).isEqualTo("MR(93)");
                }
            }

            // the third leaves: the two left share its partition and still answer for every spool
            three.stop();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                List<Integer> held = new ArrayList<>();
                for (ApiClient api : all.subList(0, 2)) {
                    held.addAll(ints(api.get("/api/health").body().get("details").get("partitions_held")));
                }
                assertThat(held).containsExactlyInAnyOrder(0, 1, 2);
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String tag : TAGS.subList(0, 6)) {
                    Response s = all.get(1).get("/api/occupation/status/" + tag);
                    assertThat(s.status()).as(s.raw()).isEqualTo(200);
                    assertThat(s.body().get("ocupado_por").asString()).isEqualTo("MR(93)");
                }
            });
        }
    }

    /** The sheets connector's part of a sync, as the fixture does it: reads each request, publishes its markers. */
    private static final class SyncAnswerer implements AutoCloseable {
        private final Thread thread;
        private volatile boolean running = true;

        SyncAnswerer(OccupationServiceContext svc) {
            TopicRegistry topics = svc.topics();
            thread = new Thread(() -> {
                try (KafkaConsumer<String, SyncRequest> c = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, svc.bootstrap(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                        topics.control.valueSerde().deserializer())) {
                    c.assign(List.of(new TopicPartition(topics.control.name(), 0)));
                    while (running) {
                        for (ConsumerRecord<String, SyncRequest> r : c.poll(Duration.ofMillis(100))) {
                            MasterDataFixture.publish(svc.bootstrap(), topics, r.value().syncId());
                        }
                    }
                }
            }, "sync-answerer");
            thread.start();
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
