package com.zeues.occupation;

import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.SpoolSeed;
import com.zeues.domain.model.Worker;
import com.zeues.topology.TopicProvisioner;
import com.zeues.topology.TopicRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes master data as the sheets connector would, markers included: the workers and spools the
 * integration tests act on.
 */
public final class MasterDataFixture {

    public static final LocalDate MATERIALES = LocalDate.of(2026, 1, 10);
    /** Armador, Soldador and Metrologia. */
    public static final int MAURICIO = 93;
    /** Armador only. */
    public static final int JUAN = 94;
    public static final int NICOLAS = 95;
    /** Soldador only. */
    public static final int FERNANDO = 97;
    /** Metrologia only. */
    public static final int ANA = 99;
    /** Ayudante only. */
    public static final int PEDRO = 100;
    /** Inactive. */
    public static final int JORGE = 102;

    private MasterDataFixture() {
    }

    public static List<Worker> workers() {
        return List.of(
                new Worker(MAURICIO, "Mauricio", "Rodriguez", List.of("Armador", "Soldador", "Metrologia"), true),
                new Worker(JUAN, "Juan Carlos", "Pérez López", List.of("Armador"), true),
                new Worker(NICOLAS, "Nicolás", "Rivas", List.of("Armador"), true),
                new Worker(FERNANDO, "Fernando", "Figueroa", List.of("Soldador"), true),
                new Worker(ANA, "Ana", "Torres", List.of("Metrologia"), true),
                new Worker(PEDRO, "Pedro", "Gómez", List.of("Ayudante"), true),
                new Worker(JORGE, "Jorge", "Vera", List.of("Armador"), false));
    }

    /** TEST-01..TEST-40 ready for ARM; NOMAT-01 without materials; ARMDONE-01..05; INSPECT-01..10; BLOCKED-01. */
    public static List<SpoolMaster> spools() {
        List<SpoolMaster> spools = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            spools.add(new SpoolMaster(String.format("TEST-%02d", i), "NV-1335", "OT-25238", MATERIALES, null));
        }
        spools.add(new SpoolMaster("NOMAT-01", "NV-1", "OT-1", null, null));
        for (int i = 1; i <= 5; i++) {
            spools.add(new SpoolMaster(String.format("ARMDONE-%02d", i), "NV-2", "OT-2", MATERIALES,
                    new SpoolSeed("MR(93)", null, LocalDate.of(2026, 1, 15), null, null, null, null,
                            "Disponible - ARM completado, SOLD pendiente")));
        }
        for (int i = 1; i <= 10; i++) {
            spools.add(new SpoolMaster(String.format("INSPECT-%02d", i), "NV-3", "OT-3", MATERIALES,
                    new SpoolSeed("MR(93)", "FF(97)", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 20), null,
                            null, null, "Disponible - ARM completado, SOLD completado")));
        }
        spools.add(new SpoolMaster("BLOCKED-01", "NV-4", "OT-4", MATERIALES,
                new SpoolSeed("MR(93)", "FF(97)", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 20), null, null,
                        null, "BLOQUEADO - Contactar supervisor")));
        return spools;
    }

    /**
     * Creates the topics and publishes more spools, without markers: call it before {@link #publish}, whose markers
     * then cover them too.
     */
    public static void publishSpools(String bootstrap, TopicRegistry topics, List<SpoolMaster> extra) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicProvisioner.ensure(admin, topics.all());
        }
        try (KafkaProducer<String, SpoolMaster> spools = new KafkaProducer<>(producerConfig(bootstrap),
                new StringSerializer(), topics.spools.valueSerde().serializer())) {
            for (SpoolMaster s : extra) {
                spools.send(new ProducerRecord<>(topics.spools.name(), s.tagSpool(), s));
            }
            spools.flush();
        }
    }

    /**
     * One batch in flight at a time: right after the topics are created a partition may answer "not leader" to a
     * first batch while a second one is accepted, and the retried first batch then fails its sequence check
     * forever (OutOfOrderSequenceException), leaving spools unpublished before markers that say they are.
     */
    static Map<String, Object> producerConfig(String bootstrap) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    }

    /** Creates the topics and publishes everything with sync markers for {@code syncId}. */
    public static void publish(String bootstrap, TopicRegistry topics, long syncId) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicProvisioner.ensure(admin, topics.all());
        }
        Map<String, Object> cfg = producerConfig(bootstrap);
        try (KafkaProducer<String, SpoolMaster> spools = new KafkaProducer<>(cfg, new StringSerializer(),
                topics.spools.valueSerde().serializer());
             KafkaProducer<String, Worker> workers = new KafkaProducer<>(cfg, new StringSerializer(),
                     topics.workers.valueSerde().serializer())) {
            for (SpoolMaster s : spools()) {
                spools.send(new ProducerRecord<>(topics.spools.name(), s.tagSpool(), s));
            }
            for (int p = 0; p < topics.spools.partitions(); p++) {
                spools.send(new ProducerRecord<>(topics.spools.name(), p, SpoolMaster.markerKey(p),
                        SpoolMaster.marker(p, syncId)));
            }
            spools.flush();
            for (Worker w : workers()) {
                workers.send(new ProducerRecord<>(topics.workers.name(), Integer.toString(w.id()), w));
            }
            workers.send(new ProducerRecord<>(topics.workers.name(), Worker.MARKER_KEY, Worker.marker(syncId)));
            workers.flush();
        }
    }
}
