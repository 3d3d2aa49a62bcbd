package com.zeues.connector.master;

import com.zeues.domain.model.SpoolMaster;
import com.zeues.domain.model.Worker;
import com.zeues.topology.TopicRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes the master data that changed since the last publication, then the sync markers.
 *
 * <ul>
 *   <li>Spools (key = tag, default partitioner, so they meet their commands): a new spool goes out with its seed;
 *       a known spool only when a master column (NV, OT, Fecha_Materiales) changed, without seed. State columns
 *       are never compared, so the sink's own writes never come back as input.</li>
 *   <li>Workers (key = id): whenever the whole record differs. A worker gone from {@code Trabajadores} is
 *       published once as inactive (never as a tombstone: its name stays known to history).</li>
 *   <li>Markers, after all of the sync's records are acknowledged: {@link SpoolMaster#marker} on every partition of
 *       {@code zeues.spools} (explicit partition), then, last, {@link Worker#marker} on {@code zeues.workers}.</li>
 * </ul>
 * {@link PublishedMasterData} is updated only with acknowledged records, so a failed sync is simply repeated.
 */
public final class MasterDataPublisher {

    private final TopicRegistry topics;
    private final PublishedMasterData published;
    private final Duration ackTimeout;

    public MasterDataPublisher(TopicRegistry topics, PublishedMasterData published, Duration ackTimeout) {
        this.topics = topics;
        this.published = published;
        this.ackTimeout = ackTimeout;
    }

    /** What a sync will send: the changed spools and workers, and the rows that cannot be sent. */
    public record Plan(List<SpoolMaster> spools, List<Worker> workers, List<RowProblem> problems) {
    }

    /** What a sync sent. */
    public record Result(int spoolsPublished, int workersPublished, List<Long> syncIds) {

        public boolean changedSomething() {
            return spoolsPublished > 0 || workersPublished > 0;
        }
    }

    /** Compares the sheet with what is published (pure: sends nothing). */
    public Plan plan(ParsedMasterData data) {
        List<SpoolMaster> spools = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        for (SpoolRow row : data.spools()) {
            SpoolMaster current = published.spool(row.tag());
            if (current == null) {
                if (row.seedProblem() != null) {
                    problems.add(new RowProblem(MasterDataParser.OPERACIONES, row.row(), row.seedProblem()
                            + " (a new spool is published with its state columns: fix the cell)"));
                } else {
                    spools.add(row.withSeed());
                }
            } else if (!current.sameMaster(row.master())) {
                spools.add(row.master());
            }
        }
        List<Worker> workers = new ArrayList<>();
        for (Worker w : data.workers()) {
            if (!w.equals(published.worker(w.id()))) {
                workers.add(w);
            }
        }
        for (Map.Entry<Integer, Worker> e : published.workers().entrySet()) {
            Worker w = e.getValue();
            if (w.activo() && !data.listedWorkerIds().contains(e.getKey())) {
                workers.add(new Worker(w.id(), w.nombre(), w.apellido(), w.roles(), false));
            }
        }
        return new Plan(spools, workers, problems);
    }

    /**
     * Sends the plan, waits for every acknowledgement, then writes the markers of each sync id (ascending) and
     * waits for those too.
     */
    public Result send(Producer<String, byte[]> producer, Plan plan, List<Long> syncIds)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Pending<?>> pending = new ArrayList<>();
        for (SpoolMaster m : plan.spools()) {
            pending.add(new Pending<>(producer.send(record(topics.spools.name(), null, m.tagSpool(),
                    serializeSpool(m))), m));
        }
        for (Worker w : plan.workers()) {
            pending.add(new Pending<>(producer.send(record(topics.workers.name(), null, Integer.toString(w.id()),
                    serializeWorker(w))), w));
        }
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        int spools = 0;
        int workers = 0;
        ExecutionException firstFailure = null;
        for (Pending<?> p : pending) {
            try {
                p.future.get(remaining(deadline), TimeUnit.NANOSECONDS);
                if (p.value instanceof SpoolMaster m) {
                    published.putSpool(m);
                    spools++;
                } else if (p.value instanceof Worker w) {
                    published.putWorker(w);
                    workers++;
                }
            } catch (ExecutionException e) {
                if (firstFailure == null) {
                    firstFailure = e;
                }
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        List<Long> ids = syncIds.stream().sorted().toList();
        List<Future<RecordMetadata>> markers = new ArrayList<>();
        for (long id : ids) {
            for (int p = 0; p < topics.spools.partitions(); p++) {
                markers.add(producer.send(record(topics.spools.name(), p, SpoolMaster.markerKey(p),
                        serializeSpool(SpoolMaster.marker(p, id)))));
            }
        }
        awaitAll(markers, deadline);
        markers.clear();
        for (long id : ids) {
            markers.add(producer.send(record(topics.workers.name(), null, Worker.MARKER_KEY,
                    serializeWorker(Worker.marker(id)))));
        }
        producer.flush();
        awaitAll(markers, deadline);
        ids.forEach(published::syncIdSeen);
        return new Result(spools, workers, ids);
    }

    private static void awaitAll(List<Future<RecordMetadata>> futures, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (Future<RecordMetadata> f : futures) {
            f.get(remaining(deadline), TimeUnit.NANOSECONDS);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    private static ProducerRecord<String, byte[]> record(String topic, Integer partition, String key, byte[] value) {
        return new ProducerRecord<>(topic, partition, key, value);
    }

    private byte[] serializeSpool(SpoolMaster m) {
        return topics.spools.valueSerde().serializer().serialize(topics.spools.name(), m);
    }

    private byte[] serializeWorker(Worker w) {
        return topics.workers.valueSerde().serializer().serialize(topics.workers.name(), w);
    }

    private record Pending<T>(Future<RecordMetadata> future, T value) {
    }
}
