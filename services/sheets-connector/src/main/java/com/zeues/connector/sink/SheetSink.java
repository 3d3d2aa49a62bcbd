package com.zeues.connector.sink;

import com.zeues.topology.FailureText;
import com.zeues.connector.config.ConnectorProperties;
import com.zeues.connector.kafka.KafkaClients;
import com.zeues.connector.sheets.SheetsApiException;
import com.zeues.connector.sheets.SheetsGateway;
import com.zeues.connector.sheets.SheetsWriter;
import com.zeues.connector.sheets.SheetsWriter.Tab;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolView;
import com.zeues.domain.time.BusinessTime;
import com.zeues.topology.TopicProvisioner;
import com.zeues.topology.TopicRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The sheet sink: every event of {@code zeues.spool-events} into the spreadsheet, the latest state of each touched
 * spool in its Operaciones row and one audit row per event in the Metadata log, exactly once, within Google's write
 * quota, losing nothing while the sheet is down.
 *
 * <p>One thread. Its consumer (its own group, {@code read_committed}, no auto-commit) fills a buffer; a flush
 * freezes the buffer into an {@link EventBatch}, commits the unchanged offsets with the Metadata cursor and the
 * batch's end offsets (the <em>plan</em>, see {@link SinkCursor}), sends one {@code values.batchUpdate} (RAW) with
 * the Operaciones cells and the Metadata rows placed from the cursor, and only after a 2xx commits the batch's end
 * offsets with the advanced cursor. A sink that starts and finds a plan rebuilds the same batch and writes it at the
 * same rows, so a crash or a timeout between the write and the commit never adds a Metadata row.
 *
 * <p>Every write request (retries, grid growth, resyncs included) takes a slot of {@link WriteQuota}: at most one per
 * {@code min-write-interval}. A 429, 5xx or unanswered request is retried after an exponential back-off with jitter
 * ({@code Retry-After} honoured) while the partitions are paused and polling goes on; any other 4xx stops the sink
 * with the error in its status until an operator fixes the cause and asks for a resync (or restarts the connector).
 * A missing Operaciones column or row is reported and its cells are left alone; the audit rows still go on.
 */
public final class SheetSink implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SheetSink.class);
    private static final int MAX_POLL_RECORDS = 500;
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STATE_READ_TIMEOUT = Duration.ofMinutes(1);
    private static final long UNKNOWN_TAG_REFRESH_NANOS = Duration.ofSeconds(1).toNanos();
    /** During a long back-off after a 5xx or no answer, a read this often tells when the sheet is back. */
    private static final long OUTAGE_PROBE_NANOS = Duration.ofSeconds(5).toNanos();
    private static final int MISSING_ROWS_SHOWN = 50;
    private static final String VALUES = "values.batchUpdate";
    private static final String STRUCTURE = "spreadsheets.batchUpdate";
    private static final String READ = "read";

    /** Told about every successful write of audit rows (for benchmarks and tests). */
    public interface WriteListener {
        void written(List<SpoolEvent> rows, Instant answeredAt);
    }

    private enum Stage { INTEND, WRITE, COMMIT }

    /** One write in flight: a frozen batch of events and/or resync rows; retried as is until Google takes it. */
    private static final class Job {
        final EventBatch batch;
        final List<ResyncItem> resync = new ArrayList<>();
        Stage stage;
        long notBefore;
        long nextProbe;
        boolean probeable;
        int failures;
        boolean structureRefreshed;
        SinkCursor.Position after;

        Job(EventBatch batch, Stage stage) {
            this.batch = batch;
            this.stage = stage;
        }
    }

    private record ResyncItem(SpoolView view, Resync resync) {
    }

    /** A resync request: the current view of every spool, to be rewritten. */
    private static final class Resync {
        final long id;
        final String requestedBy;
        final List<SpoolView> views;
        final CompletableFuture<ResyncResult> done;
        final long startNanos;
        int remaining;
        int written;
        int requests;
        final Set<String> missing = new TreeSet<>();

        Resync(long id, String requestedBy, List<SpoolView> views, CompletableFuture<ResyncResult> done,
               long startNanos) {
            this.id = id;
            this.requestedBy = requestedBy;
            this.views = views;
            this.done = done;
            this.startNanos = startNanos;
            this.remaining = views.size();
        }
    }

    private final TopicRegistry topics;
    private final KafkaClients clients;
    private final SheetsWriter writer;
    private final ConnectorProperties.Sink settings;
    private final String spreadsheetId;
    private final String groupId;
    private final String topic;
    private final SinkMetrics metrics;
    private final LayoutReader layoutReader;
    private final FlushPlanner planner;
    private final WriteQuota quota;
    private final Backoff backoff;
    private final SpoolStateReader stateReader;
    private final ConcurrentLinkedQueue<Resync> resyncInbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong resyncIds = new AtomicLong();
    private final ExecutorService resyncReader;
    private volatile WriteListener listener;

    private volatile boolean running;
    private volatile boolean crashed;
    private Thread thread;

    // ---- status (written by the sink thread, read by health) -----------------------------------------------
    private volatile String state;
    private volatile String sheetsConnection = "unknown";
    private volatile String kafkaConnection = "unknown";
    private volatile Instant lastSuccess;
    private volatile String lastError;
    private volatile Instant lastErrorTime;
    private volatile long pendingEvents;
    private volatile Instant oldestPending;
    private volatile long lagEvents;
    private volatile SinkCursor.Position position;
    private volatile List<String> missingColumns = List.of();
    private volatile List<String> missingRowsShown = List.of();
    private volatile int missingRowCount;
    private volatile Instant nextRetry;

    // ---- the sink thread's own state ---------------------------------------------------------------------
    private volatile Consumer<String, byte[]> consumer;
    private boolean recoverNeeded = true;
    private boolean ownsAllPartitions;
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private SinkCursor cursor;
    private long seq;
    private SinkCursor.Position takeover;
    private Set<String> knownIds;
    private final List<ConsumerRecord<String, byte[]>> buffer = new ArrayList<>();
    private long bufferFirstNanos;
    private long bufferOldestMillis = Long.MAX_VALUE;
    private Job job;
    private final SheetLayout layout = new SheetLayout();
    private boolean layoutLoaded;
    private final Map<String, Long> writtenVersions = new HashMap<>();
    private final Map<String, SpoolView> stranded = new LinkedHashMap<>();
    private final Deque<ResyncItem> resyncQueue = new ArrayDeque<>();
    private boolean stopped;
    private long prepareNotBefore;
    private int prepareFailures;
    private Long lastSheetContact;
    private long lastLagUpdate;
    private boolean failureLogged;
    private Set<String> reportedMissingColumns = Set.of();
    private final Set<String> reportedMissingRows = new HashSet<>();
    private String reportedPartitionProblem;

    public SheetSink(TopicRegistry topics, KafkaClients clients, SheetsGateway reader, SheetsWriter writer,
                     ConnectorProperties.Sink settings, String spreadsheetId, String groupId, BusinessTime time,
                     MeterRegistry meters) {
        this.topics = topics;
        this.clients = clients;
        this.writer = writer;
        this.settings = settings;
        this.spreadsheetId = spreadsheetId;
        this.groupId = groupId;
        this.topic = topics.spoolEvents.name();
        this.metrics = new SinkMetrics(meters);
        this.layoutReader = new LayoutReader(reader, writer, metrics::read);
        this.planner = new FlushPlanner(new SheetFormats(time), settings.metadataMaxRows(),
                settings.metadataGrowRows());
        this.quota = new WriteQuota(settings.minWriteInterval());
        this.backoff = new Backoff(settings.retryMin(), settings.retryMax(), new Random());
        this.stateReader = new SpoolStateReader(clients, topics);
        this.state = settings.enabled() ? "starting" : "disabled";
        if (!settings.enabled()) {
            sheetsConnection = "disabled";
        }
        this.resyncReader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "zeues-sheet-sink-resync");
            t.setDaemon(true);
            return t;
        });
        Gauge.builder("zeues.sink.lag.events", this, s -> s.lagEvents)
                .description("events of zeues.spool-events not yet committed by the sheet sink").register(meters);
        Gauge.builder("zeues.sink.oldest.pending.age", this, SheetSink::oldestPendingAgeSeconds)
                .baseUnit("seconds").description("age of the oldest event read and not yet in the sheet")
                .register(meters);
        Gauge.builder("zeues.sink.stopped", this, s -> "stopped".equals(s.state) ? 1 : 0)
                .description("1 when a refused write stopped the sink").register(meters);
    }

    public void setListener(WriteListener listener) {
        this.listener = listener;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public String groupId() {
        return groupId;
    }

    // ---- status and requests ------------------------------------------------------------------------------

    public SinkStatus status() {
        SinkCursor.Position p = position;
        return new SinkStatus(state, sheetsConnection, kafkaConnection, lastSuccess, lastError, lastErrorTime,
                pendingEvents, oldestPending, lagEvents, p == null ? null : SheetLayout.metadataTitle(p.tab()),
                p == null ? null : p.row(), missingColumns, missingRowsShown, missingRowCount, nextRetry, groupId,
                topic, spreadsheetId);
    }

    /**
     * Rewrites every system-owned Operaciones cell from {@code zeues.spool-state} (read from the beginning to its
     * end offsets), within the same quota as the events. Also resumes a stopped sink. Completes when every row is
     * written (or found missing).
     */
    public CompletableFuture<ResyncResult> requestResync(String requestedBy) {
        CompletableFuture<ResyncResult> done = new CompletableFuture<>();
        if (!settings.enabled()) {
            done.completeExceptionally(new IllegalStateException("the sheet sink is disabled (zeues.sink.enabled)"));
            return done;
        }
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the sheet sink is not running"));
            return done;
        }
        long id = resyncIds.incrementAndGet();
        long start = System.nanoTime();
        resyncReader.execute(() -> {
            try {
                List<SpoolView> views = new ArrayList<>(stateReader.read(STATE_READ_TIMEOUT).values());
                views.sort(Comparator.comparing(SpoolView::tagSpool));
                log.info("resync {} ({}): {} spools read from {}", id, requestedBy, views.size(),
                        topics.spoolState.name());
                resyncInbox.add(new Resync(id, requestedBy, views, done, start));
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private double oldestPendingAgeSeconds() {
        Instant o = oldestPending;
        return o == null ? 0 : Math.max(0, Duration.between(o, Instant.now()).toMillis() / 1000.0);
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        running = true;
        crashed = false;
        thread = new Thread(this::loop, "zeues-sheet-sink");
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
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            t.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        resyncReader.shutdownNow();
    }

    /**
     * For tests: dies as a crash would, at once, without any further commit (a write in flight may still reach
     * the sheet; its offsets are not committed).
     */
    void crash() {
        crashed = true;
        stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // ---- the sink thread ------------------------------------------------------------------------------------

    private void loop() {
        long kafkaBackoffMs = 200;
        try {
            provisionTopics();
            while (running) {
                try {
                    if (consumer == null) {
                        openConsumer();
                    }
                    cycle();
                    kafkaBackoffMs = 200;
                } catch (WakeupException | InterruptException e) {
                    if (!running) {
                        break;
                    }
                } catch (KafkaException e) {
                    if (!running) {
                        break;
                    }
                    kafkaFailed(e);
                    closeConsumer();
                    Thread.sleep(kafkaBackoffMs);
                    kafkaBackoffMs = Math.min(10_000, kafkaBackoffMs * 2);
                }
            }
        } catch (InterruptedException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("the sheet sink failed unexpectedly and stops", e);
            lastError = "the sheet sink failed: " + FailureText.of(e);
            lastErrorTime = Instant.now();
            state = "stopped";
        } finally {
            closeConsumer();
            IllegalStateException stopping = new IllegalStateException("the sheet sink stopped");
            resyncInbox.forEach(r -> r.done.completeExceptionally(stopping));
            resyncQueue.forEach(i -> i.resync().done.completeExceptionally(stopping));
            if (job != null) {
                job.resync.forEach(i -> i.resync().done.completeExceptionally(stopping));
            }
            if (!"stopped".equals(state)) {
                state = "starting";
            }
        }
    }

    private void provisionTopics() throws InterruptedException {
        long waitMs = 200;
        while (running) {
            try (Admin admin = clients.admin("zeues-sheets-sink-admin")) {
                TopicProvisioner.ensure(admin, topics.all());
                kafkaConnection = "ok";
                return;
            } catch (RuntimeException e) {
                kafkaFailed(e);
                Thread.sleep(waitMs);
                waitMs = Math.min(10_000, waitMs * 2);
            }
        }
    }

    private void openConsumer() {
        Consumer<String, byte[]> c = clients.sinkConsumer("zeues-sheets-sink", groupId, MAX_POLL_RECORDS);
        consumer = c;
        recoverNeeded = true;
        c.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                dropInFlight("partitions revoked");
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                recoverNeeded = true;
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                dropInFlight("partitions lost");
            }
        });
    }

    private void closeConsumer() {
        Consumer<String, byte[]> c = consumer;
        consumer = null;
        dropInFlight(null);
        if (c != null) {
            try {
                c.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.debug("closing the sink consumer: {}", e.toString());
            }
        }
    }

    /** Forgets what is read and not committed: it will be read again from the committed offsets. */
    private void dropInFlight(String why) {
        recoverNeeded = true;
        buffer.clear();
        bufferOldestMillis = Long.MAX_VALUE;
        if (job != null) {
            for (int i = job.resync.size() - 1; i >= 0; i--) {
                resyncQueue.addFirst(job.resync.get(i));
            }
            if (why != null && job.batch != null) {
                log.info("{}: the flush in flight is dropped and will be read again", why);
            }
            job = null;
        }
        pendingEvents = 0;
    }

    private void cycle() throws InterruptedException {
        drainResyncInbox();
        if (recoverNeeded) {
            if (!recover()) {
                pausedPoll(200_000_000L);
                return;
            }
        }
        if (!ownsAllPartitions) {
            pausedPoll(500_000_000L);
            return;
        }
        if (stopped) {
            pausedPoll(500_000_000L);
            return;
        }
        long now = System.nanoTime();
        if (cursor == null) {
            if (now < prepareNotBefore) {
                pausedPoll(Math.min(prepareNotBefore - now, 200_000_000L));
                return;
            }
            takeOver();
            return;
        }
        if (job == null) {
            pollIntoBuffer(now);
            now = System.nanoTime();
            job = nextJob(now);
            if (job == null) {
                updateLag(now);
                idle(now);
                return;
            }
        }
        updateLag(now);
        runJob();
    }

    // ---- recovery: offsets and cursor from the group ---------------------------------------------------------

    private boolean recover() {
        Consumer<String, byte[]> c = consumer;
        c.poll(Duration.ZERO); // joins the group / completes a pending rebalance
        Set<TopicPartition> parts = c.assignment();
        if (parts.isEmpty()) {
            return false;
        }
        kafkaConnection = "ok";
        int total = c.partitionsFor(topic, KAFKA_TIMEOUT).size();
        ownsAllPartitions = parts.size() >= total;
        recoverNeeded = false;
        if (!ownsAllPartitions) {
            String problem = "this sink holds " + parts.size() + " of the " + total + " partitions of " + topic
                    + ": another member is in group " + groupId + "; the Metadata log has one writer, so nothing is"
                    + " written until it leaves";
            if (!problem.equals(reportedPartitionProblem)) {
                log.error(problem);
                reportedPartitionProblem = problem;
            }
            fail(problem);
            state = "stopped";
            return true;
        }
        reportedPartitionProblem = null;
        Map<TopicPartition, OffsetAndMetadata> found = c.committed(parts, KAFKA_TIMEOUT);
        List<TopicPartition> none = parts.stream().filter(tp -> found.get(tp) == null).toList();
        Map<TopicPartition, Long> begin = none.isEmpty() ? Map.of() : c.beginningOffsets(none, KAFKA_TIMEOUT);
        committed.clear();
        SinkCursor best = null;
        for (TopicPartition tp : parts) {
            OffsetAndMetadata o = found.get(tp);
            long offset = o == null ? begin.getOrDefault(tp, 0L) : o.offset();
            committed.put(tp, offset);
            c.seek(tp, offset);
            SinkCursor sc = o == null ? null : SinkCursor.decode(o.metadata());
            if (sc != null && (best == null || sc.seq() > best.seq())) {
                best = sc;
            }
        }
        buffer.clear();
        bufferOldestMillis = Long.MAX_VALUE;
        knownIds = null;
        if (best == null) {
            cursor = null;
            takeover = null;
        } else {
            seq = Math.max(seq, best.seq());
            cursor = new SinkCursor(best.seq(), best.tab(), best.row(), Map.of(), best.takeover());
            takeover = best.takeover();
            position = cursor.position();
            if (best.hasPlan()) {
                job = replay(best.plan());
                if (recoverNeeded) {
                    dropInFlight(null);
                    return true;
                }
            }
        }
        if (job == null) {
            c.resume(parts);
        }
        if (!"retrying".equals(state)) {
            state = "running";
        }
        log.info("sheet sink: group {} holds {} partitions of {}; {}", groupId, parts.size(), topic, best == null
                ? "no committed cursor: the end of the Metadata log will be read from the sheet"
                : "Metadata cursor " + SheetLayout.metadataTitle(best.tab()) + " row " + best.row()
                        + (best.hasPlan() ? " with a flush in flight" : ""));
        return true;
    }

    /** Reads the planned batch again: exactly the records from the committed offsets to the plan's ends. */
    private Job replay(Map<Integer, Long> plan) {
        Consumer<String, byte[]> c = consumer;
        Map<TopicPartition, Long> end = new HashMap<>();
        committed.forEach((tp, start) -> end.put(tp, Math.max(start, plan.getOrDefault(tp.partition(), start))));
        Set<TopicPartition> active = new HashSet<>();
        end.forEach((tp, e) -> {
            if (committed.get(tp) < e) {
                active.add(tp);
            }
        });
        c.pause(c.assignment());
        c.resume(active);
        List<EventBatch.Item> items = new ArrayList<>();
        int records = 0;
        long deadline = System.nanoTime() + REPLAY_TIMEOUT.toNanos();
        while (!active.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new KafkaException("reading back the flush in flight took longer than " + REPLAY_TIMEOUT);
            }
            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (r.offset() < end.get(tp)) {
                    records++;
                    EventBatch.Item item = decode(r);
                    if (item != null) {
                        items.add(item);
                    }
                }
            }
            if (recoverNeeded) {
                return null;
            }
            for (TopicPartition tp : new ArrayList<>(active)) {
                if (c.position(tp, KAFKA_TIMEOUT) >= end.get(tp)) {
                    active.remove(tp);
                    c.pause(List.of(tp));
                }
            }
        }
        end.forEach(c::seek);
        EventBatch batch = EventBatch.of(committed, end, items, records);
        log.info("sheet sink: the last flush ({} events, {} from row {}) may have reached the sheet without its "
                        + "commit: it is written again at the same rows", batch.events().size(),
                SheetLayout.metadataTitle(cursor.tab()), cursor.row());
        Job j = new Job(batch, Stage.WRITE);
        pendingEvents = batch.events().size();
        oldestPending = batch.oldestTimestamp() == 0 ? null : Instant.ofEpochMilli(batch.oldestTimestamp());
        return j;
    }

    /**
     * No committed cursor (first start, or the group's offsets were lost or reset): the cursor is where the Metadata
     * log ends now, and the IDs already above it are not written again while the sink re-reads old events.
     */
    private void takeOver() {
        try {
            if (!layoutLoaded) {
                layoutReader.load(layout, System.nanoTime());
                layoutLoaded = true;
                afterLayoutRead();
            }
            SinkCursor.Position end = layoutReader.end(layout, settings.metadataMaxRows());
            Set<String> ids = layoutReader.idsBefore(layout, end);
            contact(true);
            SinkCursor c = new SinkCursor(seq + 1, end.tab(), end.row(), Map.of(), ids.isEmpty() ? null : end);
            commit(committed, c);
            cursor = c;
            takeover = c.takeover();
            knownIds = ids.isEmpty() ? null : ids;
            position = end;
            prepareFailures = 0;
            log.info("sheet sink: no committed cursor in group {}: the Metadata log goes on at {} row {}{}", groupId,
                    SheetLayout.metadataTitle(end.tab()), end.row(), ids.isEmpty() ? ""
                            : "; " + ids.size() + " events already there are not written again");
        } catch (IOException e) {
            prepareFailures++;
            SheetsApiException s = asApi(e);
            Duration d = backoff.delay(prepareFailures, s.retryAfter());
            prepareNotBefore = System.nanoTime() + d.toNanos();
            contact(false);
            fail("reading the end of the Metadata log: " + e.getMessage());
            logFailure("reading the end of the Metadata log failed, retrying in " + d.toMillis() + " ms: "
                    + e.getMessage());
        }
    }

    // ---- consuming ----------------------------------------------------------------------------------------

    private void pollIntoBuffer(long now) {
        Consumer<String, byte[]> c = consumer;
        Set<TopicPartition> parts = c.assignment();
        if (buffer.size() >= settings.maxBatchEvents()) {
            c.pause(parts);
        } else {
            c.resume(parts);
        }
        long timeout = 200_000_000L;
        if (!buffer.isEmpty()) {
            long lingerLeft = bufferFirstNanos + settings.linger().toNanos() - now;
            timeout = Math.min(timeout, Math.max(Math.max(0, lingerLeft), quota.waitNanos(now)));
        } else if (!resyncQueue.isEmpty()) {
            timeout = Math.min(timeout, quota.waitNanos(now));
        }
        timeout = Math.max(0, Math.min(timeout, 100_000_000L));
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofNanos(timeout))) {
            if (buffer.isEmpty()) {
                bufferFirstNanos = System.nanoTime();
            }
            buffer.add(r);
            bufferOldestMillis = Math.min(bufferOldestMillis, r.timestamp());
        }
        pendingEvents = buffer.size();
        oldestPending = buffer.isEmpty() ? null : Instant.ofEpochMilli(bufferOldestMillis);
    }

    private void pausedPoll(long nanos) {
        Consumer<String, byte[]> c = consumer;
        c.pause(c.assignment());
        c.poll(Duration.ofNanos(Math.max(0, Math.min(nanos, 500_000_000L))));
    }

    private Job nextJob(long now) {
        boolean eventsDue = !buffer.isEmpty() && (now - bufferFirstNanos >= settings.linger().toNanos()
                || buffer.size() >= settings.maxBatchEvents());
        boolean resyncDue = !resyncQueue.isEmpty();
        if (!eventsDue && !resyncDue) {
            return null;
        }
        if (quota.waitNanos(now) > 0) {
            return null;
        }
        Job j;
        if (eventsDue) {
            j = new Job(freeze(), Stage.INTEND);
        } else {
            j = new Job(null, Stage.WRITE);
        }
        while (!resyncQueue.isEmpty() && j.resync.size() < settings.resyncChunkRows()) {
            j.resync.add(resyncQueue.pollFirst());
        }
        return j;
    }

    /** The buffer becomes a batch: every record from the committed offsets to the current positions. */
    private EventBatch freeze() {
        Consumer<String, byte[]> c = consumer;
        Map<TopicPartition, Long> end = new HashMap<>();
        for (TopicPartition tp : committed.keySet()) {
            end.put(tp, c.position(tp, KAFKA_TIMEOUT));
        }
        List<EventBatch.Item> items = new ArrayList<>(buffer.size());
        for (ConsumerRecord<String, byte[]> r : buffer) {
            EventBatch.Item item = decode(r);
            if (item != null) {
                items.add(item);
            }
        }
        EventBatch b = EventBatch.of(committed, end, items, buffer.size());
        buffer.clear();
        bufferOldestMillis = Long.MAX_VALUE;
        c.pause(c.assignment());
        return b;
    }

    private EventBatch.Item decode(ConsumerRecord<String, byte[]> r) {
        try {
            SpoolEvent e = topics.spoolEvents.valueSerde().deserializer().deserialize(r.topic(), r.value());
            if (e == null) {
                return null;
            }
            long ts = e.timestamp() != null ? e.timestamp().toEpochMilli() : r.timestamp();
            return new EventBatch.Item(r.partition(), r.offset(), ts, e);
        } catch (SerializationException ex) {
            log.warn("{}-{}@{}: unreadable event skipped (it cannot be written to the sheet): {}", r.topic(),
                    r.partition(), r.offset(), ex.getMessage());
            return null;
        }
    }

    // ---- writing ------------------------------------------------------------------------------------------

    private void runJob() {
        long now = System.nanoTime();
        if (now < job.notBefore && job.probeable && now >= job.nextProbe) {
            probeDuringBackoff(job, now);
        }
        if (now < job.notBefore) {
            pausedPoll(Math.min(job.notBefore - now, 200_000_000L));
            return;
        }
        if (job.stage == Stage.INTEND) {
            EventBatch b = job.batch;
            pendingEvents = b.events().size();
            oldestPending = b.oldestTimestamp() == 0 ? null : Instant.ofEpochMilli(b.oldestTimestamp());
            commit(b.start(), new SinkCursor(seq + 1, cursor.tab(), cursor.row(), b.plan(), takeover));
            job.stage = Stage.WRITE;
        }
        if (job.stage == Stage.WRITE) {
            long wait = quota.waitNanos(System.nanoTime());
            if (wait > 0) {
                pausedPoll(Math.min(wait, 200_000_000L));
                return;
            }
            write(job);
        }
        if (job != null && job.stage == Stage.COMMIT && !crashed) {
            commitDone(job);
        }
    }

    private void write(Job j) {
        String op = READ;
        try {
            Map<String, SpoolView> views = views(j);
            prepareLayout(views.keySet());
            if (takeover != null && knownIds == null) {
                knownIds = layoutReader.idsBefore(layout, takeover);
            }
            List<SpoolEvent> rows = j.batch == null ? List.of() : j.batch.rows(knownIds);
            FlushPlanner.Plan plan = planner.plan(layout, cursor.position(), rows, views.values());
            if (plan.metadataProblem() != null) {
                structureProblem(j, plan.metadataProblem());
                return;
            }
            if (!plan.structure().isEmpty()) {
                op = STRUCTURE;
                quota.take(System.nanoTime());
                List<Tab> added = writer.changeStructure(plan.structure());
                metrics.write(STRUCTURE, "success");
                contact(true);
                applyStructure(plan, added);
                log.info("sheet sink: {}", plan.structure());
                return; // the values go in the next slot
            }
            if (!plan.blocks().isEmpty()) {
                op = VALUES;
                quota.take(System.nanoTime());
                writer.writeValues(plan.blocks());
                metrics.write(VALUES, "success");
            }
            Instant answered = Instant.now();
            contact(true);
            if (crashed) {
                return;
            }
            written(j, plan, rows, answered);
        } catch (SheetsApiException e) {
            sheetsFailure(j, e, op);
        } catch (IOException e) {
            sheetsFailure(j, asApi(e), op);
        }
    }

    /** The views one job writes: its batch's, its resync rows', and the stranded ones; newest per spool. */
    private Map<String, SpoolView> views(Job j) {
        Map<String, SpoolView> out = new LinkedHashMap<>();
        if (j.batch != null) {
            j.batch.views().values().forEach(v -> merge(out, v));
        }
        j.resync.forEach(i -> merge(out, i.view()));
        stranded.values().forEach(v -> merge(out, v));
        out.values().removeIf(v -> {
            Long w = writtenVersions.get(v.tagSpool());
            return w != null && v.version() < w;
        });
        return out;
    }

    private static void merge(Map<String, SpoolView> out, SpoolView v) {
        SpoolView prev = out.get(v.tagSpool());
        if (prev == null || prev.version() <= v.version()) {
            out.put(v.tagSpool(), v);
        }
    }

    /** Reads the structure when not known, or the Operaciones header and tags when stale or a tag is unknown. */
    private void prepareLayout(Set<String> tags) throws IOException {
        long now = System.nanoTime();
        if (!layoutLoaded) {
            layoutReader.load(layout, now);
            layoutLoaded = true;
            afterLayoutRead();
            return;
        }
        if (tags.isEmpty()) {
            return;
        }
        boolean stale = !layout.verifiedWithin(now, settings.verifyInterval().toNanos());
        boolean unknown = !layout.verifiedWithin(now, UNKNOWN_TAG_REFRESH_NANOS)
                && tags.stream().anyMatch(t -> layout.row(t) == null && !stranded.containsKey(t));
        if (stale || unknown) {
            layoutReader.verify(layout, now);
            afterLayoutRead();
        }
    }

    private void applyStructure(FlushPlanner.Plan plan, List<Tab> added) {
        added.forEach(layout::putTab);
        for (var change : plan.structure()) {
            if (change instanceof SheetsWriter.AppendRows r) {
                layout.metadataTabs().values().stream().filter(t -> t.sheetId() == r.sheetId()).findFirst()
                        .ifPresent(t -> layout.putTab(new Tab(t.sheetId(), t.title(), t.rowCount() + r.rows(),
                                t.columnCount())));
            } else if (change instanceof SheetsWriter.AppendColumns cc) {
                layout.metadataTabs().values().stream().filter(t -> t.sheetId() == cc.sheetId()).findFirst()
                        .ifPresent(t -> layout.putTab(new Tab(t.sheetId(), t.title(), t.rowCount(),
                                t.columnCount() + cc.columns())));
            }
        }
    }

    /** Google answered 2xx: bookkeeping, then the commit of the batch's offsets with the new cursor. */
    private void written(Job j, FlushPlanner.Plan plan, List<SpoolEvent> rows, Instant answered) {
        if (failureLogged) {
            log.info("sheet sink: the spreadsheet takes writes again");
            failureLogged = false;
        }
        lastSuccess = answered;
        nextRetry = null;
        state = "running";
        metrics.rows("metadata", plan.metadataRows());
        metrics.rows("operaciones", plan.operacionesRows());
        writtenVersions.putAll(plan.written());
        plan.written().keySet().forEach(stranded::remove);
        plan.stranded().forEach((tag, v) -> {
            stranded.put(tag, v);
            if (reportedMissingRows.add(tag)) {
                log.warn("sheet sink: spool {} has no row in {} (TAG_SPOOL): its state is not written; it will be "
                        + "when the row appears", tag, SheetLayout.OPERACIONES);
            }
        });
        reportedMissingRows.retainAll(stranded.keySet());
        missingRowCount = stranded.size();
        missingRowsShown = stranded.keySet().stream().limit(MISSING_ROWS_SHOWN).toList();
        Set<Resync> touched = new HashSet<>();
        for (ResyncItem i : j.resync) {
            Resync r = i.resync();
            touched.add(r);
            String tag = i.view().tagSpool();
            if (plan.stranded().containsKey(tag)) {
                r.missing.add(tag);
            } else {
                r.written++;
            }
            r.remaining--;
        }
        for (Resync r : touched) {
            r.requests++;
            if (r.remaining <= 0) {
                ResyncResult result = new ResyncResult(r.id, r.views.size(), r.written, List.copyOf(r.missing),
                        layout.missingColumns(), r.requests,
                        Duration.ofNanos(System.nanoTime() - r.startNanos).toMillis());
                log.info("resync {} done: {}", r.id, result);
                r.done.complete(result);
            }
        }
        j.failures = 0;
        j.structureRefreshed = false;
        if (j.batch == null) {
            job = null;
            return;
        }
        for (SpoolEvent e : rows) {
            if (e.timestamp() != null) {
                metrics.eventLag(Duration.between(e.timestamp(), answered));
            }
        }
        metrics.batch(j.batch.events().size());
        WriteListener l = listener;
        if (l != null) {
            l.written(rows, answered);
        }
        j.after = plan.after();
        j.stage = Stage.COMMIT;
    }

    private void commitDone(Job j) {
        EventBatch b = j.batch;
        SinkCursor c = new SinkCursor(seq + 1, j.after.tab(), j.after.row(), Map.of(), takeover);
        commit(b.end(), c);
        committed.clear();
        committed.putAll(b.end());
        cursor = c;
        position = c.position();
        job = null;
        pendingEvents = 0;
        oldestPending = null;
        if (takeover != null && caughtUp()) {
            log.info("sheet sink: caught up with {}: events re-read since the takeover are all in the sheet", topic);
            takeover = null;
            knownIds = null;
        }
        consumer.resume(consumer.assignment());
    }

    private boolean caughtUp() {
        for (TopicPartition tp : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(tp);
            if (lag.isEmpty() || lag.getAsLong() > 0) {
                return false;
            }
        }
        return buffer.isEmpty();
    }

    private void commit(Map<TopicPartition, Long> offsets, SinkCursor c) {
        String meta = c.encode();
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        offsets.forEach((tp, o) -> out.put(tp, new OffsetAndMetadata(o, meta)));
        consumer.commitSync(out, KAFKA_TIMEOUT);
        seq = c.seq();
        kafkaConnection = "ok";
    }

    // ---- failures -----------------------------------------------------------------------------------------

    private void sheetsFailure(Job j, SheetsApiException e, String op) {
        long now = System.nanoTime();
        contact(false);
        fail(e.getMessage());
        String reason = e.status() == 0 ? "io" : e.status() == 429 ? "429" : e.status() >= 500 ? "5xx"
                : String.valueOf(e.status());
        if (e.retryable()) {
            j.failures++;
            Duration d = backoff.delay(j.failures, e.retryAfter());
            j.notBefore = now + d.toNanos();
            // an outage (5xx, no answer) without Retry-After: a cheap read every 5 s ends the wait when the sheet
            // is back; a 429 is about the write quota, which reads cannot tell
            j.probeable = e.status() != 429 && e.retryAfter() == null;
            j.nextProbe = now + OUTAGE_PROBE_NANOS;
            nextRetry = Instant.now().plus(d);
            state = "retrying";
            metrics.retry(reason);
            if (!op.equals(READ)) {
                metrics.write(op, "retry");
            }
            logFailure("sheet sink: " + (op.equals(READ) ? "a read" : op) + " failed (attempt " + j.failures
                    + "), retrying in " + d.toMillis() + " ms with the partitions paused: " + e.getMessage());
        } else if (e.status() == 400 && !j.structureRefreshed) {
            j.structureRefreshed = true;
            layoutLoaded = false;
            j.notBefore = now;
            metrics.retry("structure");
            if (!op.equals(READ)) {
                metrics.write(op, "retry");
            }
            log.warn("sheet sink: {} refused ({}): re-reading the spreadsheet's structure and trying once more", op,
                    e.getMessage());
        } else {
            stopped = true;
            state = "stopped";
            nextRetry = null;
            if (!op.equals(READ)) {
                metrics.write(op, "fatal");
            }
            String message = "the spreadsheet refused a request (HTTP " + e.status() + "): " + e.getMessage()
                    + ". The sheet sink is stopped and writes nothing until the cause is fixed and "
                    + "POST /api/admin/sheets/resync is called (or the connector restarts); events wait in Kafka";
            fail(message);
            log.error("sheet sink: {}", message);
        }
    }

    /** The sheet answers a read again: the failed request goes now instead of at the end of its back-off. */
    private void probeDuringBackoff(Job j, long now) {
        j.nextProbe = now + OUTAGE_PROBE_NANOS;
        try {
            metrics.read();
            writer.tabs();
            contact(true);
            j.notBefore = now;
            j.probeable = false;
            log.info("sheet sink: the spreadsheet answers again; retrying now");
        } catch (IOException e) {
            contact(false);
        }
    }

    private void structureProblem(Job j, String problem) {
        long now = System.nanoTime();
        j.notBefore = now + settings.probeInterval().toNanos();
        nextRetry = Instant.now().plus(settings.probeInterval());
        layoutLoaded = false;
        state = "retrying";
        fail(problem);
        logFailure("sheet sink: " + problem + " (checked again in " + settings.probeInterval().toSeconds() + " s)");
    }

    private void kafkaFailed(RuntimeException e) {
        kafkaConnection = "error";
        fail("Kafka: " + FailureText.of(e));
        logFailure("sheet sink: Kafka failed, reconnecting: " + e);
    }

    private void fail(String message) {
        lastError = message;
        lastErrorTime = Instant.now();
    }

    private void logFailure(String message) {
        if (!failureLogged) {
            log.warn(message);
            failureLogged = true;
        } else {
            log.debug(message);
        }
    }

    private void contact(boolean ok) {
        lastSheetContact = System.nanoTime();
        sheetsConnection = ok ? "ok" : "error";
    }

    private static SheetsApiException asApi(IOException e) {
        return e instanceof SheetsApiException s ? s : new SheetsApiException(e.getMessage(), 0, null, null, e);
    }

    // ---- layout changes, idle probes, resyncs -------------------------------------------------------------

    private void afterLayoutRead() {
        contact(true);
        List<String> missing = layout.operacionesProblem() != null ? List.of(layout.operacionesProblem())
                : layout.missingColumns();
        Set<String> now = new HashSet<>(missing);
        if (!now.equals(reportedMissingColumns)) {
            if (!missing.isEmpty()) {
                log.error("sheet sink: {} cannot take every system column: {}; those cells are not written "
                        + "(nothing goes elsewhere)", SheetLayout.OPERACIONES, missing);
            } else if (!reportedMissingColumns.isEmpty()) {
                log.info("sheet sink: the {} columns are complete again: resyncing them", SheetLayout.OPERACIONES);
                requestResync("columns found again");
            }
            reportedMissingColumns = now;
        }
        missingColumns = List.copyOf(missing);
        if (!layout.duplicateTags().isEmpty()) {
            log.debug("sheet sink: repeated TAG_SPOOL in {} (the first row is written): {}", SheetLayout.OPERACIONES,
                    layout.duplicateTags());
        }
    }

    private void idle(long now) {
        boolean due = lastSheetContact == null || now - lastSheetContact >= settings.probeInterval().toNanos();
        if (!due || !buffer.isEmpty()) {
            return;
        }
        try {
            if (!stranded.isEmpty() || !missingColumns.isEmpty() || !layoutLoaded) {
                if (!layoutLoaded) {
                    layoutReader.load(layout, now);
                    layoutLoaded = true;
                } else {
                    layoutReader.verify(layout, now);
                }
                afterLayoutRead();
                if (stranded.keySet().stream().anyMatch(t -> layout.row(t) != null)) {
                    job = new Job(null, Stage.WRITE); // writes the spools whose rows appeared
                }
            } else {
                metrics.read();
                writer.tabs();
                contact(true);
            }
            if ("retrying".equals(state) || "starting".equals(state)) {
                state = "running";
            }
        } catch (IOException e) {
            contact(false);
            fail(e.getMessage());
            logFailure("sheet sink: the spreadsheet does not answer: " + e.getMessage());
        }
    }

    private void drainResyncInbox() {
        Resync r;
        while ((r = resyncInbox.poll()) != null) {
            if (stopped) {
                log.info("sheet sink: resync {} requested: the stopped sink resumes", r.id);
                stopped = false;
                state = "running";
                layoutLoaded = false;
                if (job != null) {
                    job.notBefore = 0;
                    job.structureRefreshed = false;
                }
            }
            layout.expireVerification();
            if (r.views.isEmpty()) {
                r.done.complete(new ResyncResult(r.id, 0, 0, List.of(), layout.missingColumns(), 0,
                        Duration.ofNanos(System.nanoTime() - r.startNanos).toMillis()));
                continue;
            }
            for (SpoolView v : r.views) {
                resyncQueue.addLast(new ResyncItem(v, r));
            }
        }
    }

    private void updateLag(long now) {
        if (now - lastLagUpdate < 500_000_000L) {
            return;
        }
        lastLagUpdate = now;
        long lag = buffer.size() + (job != null && job.batch != null ? job.batch.records() : 0);
        for (TopicPartition tp : consumer.assignment()) {
            OptionalLong l = consumer.currentLag(tp);
            if (l.isPresent()) {
                lag += l.getAsLong();
            }
        }
        lagEvents = lag;
    }
}
