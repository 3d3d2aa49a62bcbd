package com.zeues.connector.master;

import com.zeues.topology.FailureText;
import com.zeues.connector.kafka.KafkaClients;
import com.zeues.topology.TopicProvisioner;
import com.zeues.topology.TopicRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the master-data syncs on one thread, so they never overlap: one at start (retried with backoff until
 * Kafka and the sheet answer), one every interval, and one per request ({@link #requestSync}, fed by
 * {@code zeues.control}). Requests that arrive during a sync are served together by the next one, which writes
 * the markers of each requested sync id.
 *
 * <p>Before the first sync it provisions the topics and reads back what is already published. A failure never
 * stops the thread: it is recorded in {@link #status()}, logged once per distinct error, and the sync is retried
 * after a backoff (1 s doubling up to 30 s, never beyond the interval). Requests stay pending until a sync
 * succeeds.
 */
public final class MasterDataSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MasterDataSync.class);
    private static final int MAX_PROBLEMS_LOGGED = 50;

    /** How the sync is timed. */
    public record Timing(Duration interval, Duration retryMin, Duration retryMax) {

        Duration retryCap() {
            return retryMax.compareTo(interval) < 0 ? retryMax : interval;
        }
    }

    private record Request(Long syncId, String requestedBy, CompletableFuture<SyncStatus> done) {
    }

    private final TopicRegistry topics;
    private final KafkaClients clients;
    private final SheetReader reader;
    private final PublishedMasterData published;
    private final PublishedStateLoader loader;
    private final MasterDataPublisher publisher;
    private final Timing timing;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> provisioned = new CompletableFuture<>();
    private final Counter successes;
    private final Counter failures;
    private final Counter spoolsPublished;
    private final Counter workersPublished;
    private final Timer duration;

    private volatile SyncStatus status = SyncStatus.initial();
    private volatile boolean running;
    private Thread thread;

    // sync thread only
    private Producer<String, byte[]> producer;
    private boolean loaded;
    private Set<RowProblem> reportedProblems = Set.of();
    private String reportedError;

    public MasterDataSync(TopicRegistry topics, KafkaClients clients, SheetReader reader,
                          PublishedMasterData published, Timing timing, MeterRegistry meters) {
        this.topics = topics;
        this.clients = clients;
        this.reader = reader;
        this.published = published;
        this.timing = timing;
        this.loader = new PublishedStateLoader(clients, topics, Duration.ofMinutes(2));
        this.publisher = new MasterDataPublisher(topics, published, Duration.ofSeconds(60));
        this.successes = Counter.builder("zeues.connector.syncs").tag("outcome", "success")
                .description("master-data syncs").register(meters);
        this.failures = Counter.builder("zeues.connector.syncs").tag("outcome", "failure")
                .description("master-data syncs").register(meters);
        this.spoolsPublished = Counter.builder("zeues.connector.published").tag("topic", "spools")
                .description("master-data records published (markers excluded)").register(meters);
        this.workersPublished = Counter.builder("zeues.connector.published").tag("topic", "workers")
                .description("master-data records published (markers excluded)").register(meters);
        this.duration = Timer.builder("zeues.connector.sync.duration").description("one master-data sync")
                .register(meters);
        Gauge.builder("zeues.connector.row.problems", this, s -> s.status.rowProblems().size())
                .description("sheet rows the last sync could not use").register(meters);
    }

    /**
     * Asks for a sync now. With a {@code syncId} its markers carry that id; without, the sync picks one. The
     * future completes when a sync that served this request succeeded.
     */
    public CompletableFuture<SyncStatus> requestSync(Long syncId, String requestedBy) {
        CompletableFuture<SyncStatus> done = new CompletableFuture<>();
        requests.add(new Request(syncId, requestedBy, done));
        return done;
    }

    public SyncStatus status() {
        return status;
    }

    /** Completes once the topics exist (the first sync's first step). */
    public CompletableFuture<Void> topicsProvisioned() {
        return provisioned;
    }

    public PublishedMasterData published() {
        return published;
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "zeues-master-data-sync");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            t = thread;
        }
        t.interrupt();
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // ---- the sync thread ------------------------------------------------------------------------------------

    private void loop() {
        long nextDue = System.nanoTime();
        Duration backoff = timing.retryMin();
        List<Request> pending = new ArrayList<>();
        try {
            while (running) {
                long wait = nextDue - System.nanoTime();
                Request first = wait > 0 ? requests.poll(wait, TimeUnit.NANOSECONDS) : requests.poll();
                if (first != null) {
                    pending.add(first);
                }
                requests.drainTo(pending);
                if (first == null && pending.isEmpty() && System.nanoTime() < nextDue) {
                    continue;
                }
                if (syncOnce(pending)) {
                    pending.clear();
                    backoff = timing.retryMin();
                    nextDue = System.nanoTime() + timing.interval().toNanos();
                } else {
                    nextDue = System.nanoTime() + backoff.toNanos();
                    Duration doubled = backoff.multipliedBy(2);
                    backoff = doubled.compareTo(timing.retryCap()) > 0 ? timing.retryCap() : doubled;
                }
            }
        } catch (InterruptedException e) {
            // stopping
        } finally {
            closeProducer();
            IllegalStateException stopped = new IllegalStateException("the connector is stopping");
            pending.forEach(r -> r.done().completeExceptionally(stopped));
            requests.forEach(r -> r.done().completeExceptionally(stopped));
        }
    }

    /** One attempt; true when it succeeded. */
    private boolean syncOnce(List<Request> pending) throws InterruptedException {
        long start = System.nanoTime();
        Instant attempt = Instant.now();
        String step = SyncStatus.KAFKA_STEP;
        SyncStatus before = status;
        String kafkaState = before.kafkaConnection();
        String sheetsState = before.sheetsConnection();
        try {
            if (!provisioned.isDone()) {
                try (Admin admin = clients.admin("zeues-sheets-connector-admin")) {
                    TopicProvisioner.ensure(admin, topics.all());
                }
                provisioned.complete(null);
            }
            if (!loaded) {
                loader.load(published);
                loaded = true;
                log.debug("published master data read back: {} spools, {} workers", published.spoolCount(),
                        published.workerCount());
            }
            kafkaState = SyncStatus.OK;
            step = SyncStatus.SHEETS_STEP;
            ParsedMasterData data = reader.read();
            sheetsState = SyncStatus.OK;
            step = SyncStatus.KAFKA_STEP;
            MasterDataPublisher.Plan plan = publisher.plan(data);
            List<Long> ids = syncIds(pending);
            if (producer == null) {
                producer = clients.producer("zeues-sheets-connector");
            }
            MasterDataPublisher.Result result = publisher.send(producer, plan, ids);
            List<RowProblem> problems = new ArrayList<>(data.problems());
            problems.addAll(plan.problems());
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            duration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            successes.increment();
            spoolsPublished.increment(result.spoolsPublished());
            workersPublished.increment(result.workersPublished());
            long syncId = ids.get(ids.size() - 1);
            SyncStatus now = new SyncStatus(true, attempt, Instant.now(), syncId, before.syncs() + 1,
                    before.failures(), data.spools().size(), data.workers().size(), result.spoolsPublished(),
                    result.workersPublished(), problems, null, null, SyncStatus.OK, SyncStatus.OK);
            status = now;
            logSuccess(result, data, problems, pending, tookMs);
            pending.forEach(r -> r.done().complete(now));
            return true;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted() || !running) {
                throw new InterruptedException("stopping");
            }
            String message;
            if (step.equals(SyncStatus.SHEETS_STEP)) {
                sheetsState = SyncStatus.ERROR;
                message = (e instanceof SheetStructureException ? "spreadsheet structure: " : "reading the sheet: ")
                        + FailureText.of(e);
            } else {
                kafkaState = SyncStatus.ERROR;
                closeProducer();
                message = "Kafka: " + FailureText.of(e);
            }
            duration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            failures.increment();
            status = new SyncStatus(before.ready() || loaded, attempt, before.lastSuccess(), before.lastSyncId(),
                    before.syncs(), before.failures() + 1, before.sheetSpools(), before.sheetWorkers(),
                    before.publishedSpools(), before.publishedWorkers(), before.rowProblems(), message,
                    Instant.now(), kafkaState, sheetsState);
            logFailure(message, e);
            return false;
        }
    }

    /** The requested ids, or a new one: the epoch millis, kept above every id seen so far. */
    private List<Long> syncIds(List<Request> pending) {
        Set<Long> requested = new LinkedHashSet<>();
        for (Request r : pending) {
            if (r.syncId() != null) {
                requested.add(r.syncId());
            }
        }
        if (!requested.isEmpty()) {
            return requested.stream().sorted().toList();
        }
        return List.of(Math.max(System.currentTimeMillis(), published.lastSyncId() + 1));
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                log.debug("closing the producer: {}", e.toString());
            }
            producer = null;
        }
    }

    // ---- logs: quiet on the happy path, each problem once ----------------------------------------------------

    private void logSuccess(MasterDataPublisher.Result result, ParsedMasterData data, List<RowProblem> problems,
                            List<Request> pending, long tookMs) {
        if (reportedError != null) {
            log.info("master-data sync works again (after: {})", reportedError);
            reportedError = null;
        }
        Set<RowProblem> current = new HashSet<>(problems);
        List<RowProblem> fresh = problems.stream().filter(p -> !reportedProblems.contains(p)).toList();
        long resolved = reportedProblems.stream().filter(p -> !current.contains(p)).count();
        for (int i = 0; i < fresh.size() && i < MAX_PROBLEMS_LOGGED; i++) {
            log.warn("sheet row not used: {}", fresh.get(i));
        }
        if (fresh.size() > MAX_PROBLEMS_LOGGED) {
            log.warn("... and {} more sheet rows not used (see /api/health)", fresh.size() - MAX_PROBLEMS_LOGGED);
        }
        if (resolved > 0) {
            log.info("{} sheet row problem(s) resolved", resolved);
        }
        reportedProblems = current;
        String requestedBy = pending.stream().map(Request::requestedBy).distinct().toList().toString();
        if (result.changedSomething()) {
            log.info("master-data sync {}: published {} spool(s) and {} worker(s) ({} spools, {} workers in the "
                            + "sheet, {} row problem(s)) in {} ms{}", result.syncIds(), result.spoolsPublished(),
                    result.workersPublished(), data.spools().size(), data.workers().size(), problems.size(), tookMs,
                    pending.isEmpty() ? "" : ", requested by " + requestedBy);
        } else if (log.isDebugEnabled()) {
            log.debug("master-data sync {}: no change ({} spools, {} workers, {} row problem(s)) in {} ms{}",
                    result.syncIds(), data.spools().size(), data.workers().size(), problems.size(), tookMs,
                    pending.isEmpty() ? "" : ", requested by " + requestedBy);
        }
    }

    private void logFailure(String message, Exception e) {
        if (message.equals(reportedError)) {
            log.debug("master-data sync failed again: {}", message);
            return;
        }
        reportedError = message;
        if (e instanceof SheetStructureException) {
            log.error("master-data sync failed, nothing published until the sheet is fixed: {}", message);
        } else {
            log.warn("master-data sync failed, retrying: {}", message);
            log.debug("master-data sync failure", e);
        }
    }
}
