package com.zeues.occupation.sse;

import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.SpoolEvent;
import com.zeues.domain.model.SpoolView;
import com.zeues.occupation.config.ZeuesProperties;
import com.zeues.occupation.views.SpoolListings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one hot source of this instance's SSE streams (contract §5, architecture step 7). The views consumer thread
 * publishes each new event once: it gets the next id {@code {instanceEpoch}-{sequence}}, is rendered once to the
 * bytes of its SSE frame (the HTTP API's JSON with business-zone instants, plus {@code event_type}), goes into the
 * replay buffer, and is handed to each event loop that serves clients, in one task per loop: there every client's
 * own bounded buffer gets it and its connection writes it without another thread hop. A client whose buffer is
 * full is disconnected alone; nobody waits for it, and the consumer thread never touches a connection.
 *
 * <p>Each stream: {@code retry} and a comment at once (and, while the views are still loading, the Kafka
 * {@code status} and its changes); once the views have caught up, a {@code snapshot} (or, for
 * a {@code Last-Event-ID} of this instance still covered by the replay buffer, the missed events), the current
 * Kafka {@code status}; then every matching event and every status change; a comment line every heartbeat.
 */
@Component
public class SseBroadcaster implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SseBroadcaster.class);
    private static final SseFrame HEARTBEAT = SseFrame.comment("keep-alive", null);
    private static final SseClient[] NONE = new SseClient[0];

    private final long epoch = System.currentTimeMillis();
    private final Object lock = new Object();
    private final ReplayBuffer replay; // guarded by lock
    private long seq; // guarded by lock
    private Boolean kafkaOk; // guarded by lock; null until first known
    private volatile int replaySize;

    /** The clients past their snapshot, by the loop that feeds them; arrays replaced, never changed (lock). */
    private final Map<Executor, SseClient[]> registered = new HashMap<>();
    private int registeredCount; // guarded by lock
    /** Status changes for the streams still waiting for the views (they have no snapshot yet). */
    private final Sinks.Many<SseFrame> statusWhileWaiting = Sinks.many().multicast().directBestEffort();
    private final Set<SseClient> streams = ConcurrentHashMap.newKeySet();
    private final ZeuesProperties.Views cfg;
    private final JsonMapper json;
    private final SpoolListings listings;
    private final Counter dropped;
    private final SseFrame hello;
    private volatile boolean running;

    public SseBroadcaster(ZeuesProperties props, JsonMapper json, SpoolListings listings, MeterRegistry registry) {
        this.cfg = props.views();
        this.json = json;
        this.listings = listings;
        this.replay = new ReplayBuffer(cfg.replayMaxEvents(), cfg.replayWindow().toMillis());
        this.hello = SseFrame.comment("zeues " + epoch, cfg.retry().toMillis());
        Gauge.builder("zeues.sse.clients", streams, Set::size).description("SSE clients connected")
                .register(registry);
        this.dropped = Counter.builder("zeues.sse.clients.dropped")
                .description("SSE clients disconnected because they fell a whole buffer behind").register(registry);
        Gauge.builder("zeues.sse.replay.events", this, b -> b.replaySize)
                .description("Events held for Last-Event-ID replay").register(registry);
    }

    public long epoch() {
        return epoch;
    }

    public int clients() {
        return streams.size();
    }

    // ---- fed by the views consumer and the Kafka status monitor --------------------------------------------

    /** A new event for every client (views consumer thread). */
    public void publish(SpoolEvent event) {
        ObjectNode node = json.valueToTree(event);
        node.put("event_type", event.eventoTipo().name());
        String data = json.writeValueAsString(node);
        long now = System.currentTimeMillis();
        synchronized (lock) {
            long s = ++seq;
            SseEvent e = new SseEvent(s, event.tagSpool(), event.operacion(), now,
                    SseFrame.event(id(s), SseEvent.SPOOL_UPDATE, data));
            replay.add(e, now);
            replaySize = replay.size();
            deliver(e);
        }
    }

    /** The connection to Kafka as last probed: every client hears of a change. */
    public void kafkaStatus(boolean ok) {
        synchronized (lock) {
            if (kafkaOk != null && kafkaOk == ok) {
                return;
            }
            boolean first = kafkaOk == null;
            kafkaOk = ok;
            if (!first || !ok) {
                log.info("connection to Kafka {}: telling {} SSE client(s)", ok ? "ok" : "lost", registeredCount);
            }
            SseEvent e = status(ok);
            deliver(e);
            statusWhileWaiting.tryEmitNext(e.frame());
        }
    }

    /** One task per event loop with the clients registered now (under lock: none twice, none missed). */
    private void deliver(SseEvent e) {
        for (Map.Entry<Executor, SseClient[]> group : registered.entrySet()) {
            SseClient[] clients = group.getValue();
            try {
                group.getKey().execute(() -> deliver(clients, e));
            } catch (RejectedExecutionException stopping) {
                // the server is shutting down: its connections are closing anyway
            }
        }
    }

    /** On the clients' own loop. */
    private void deliver(SseClient[] clients, SseEvent e) {
        for (SseClient c : clients) {
            if (c.accepts(e) && !c.offer(e)) {
                boolean wasRegistered;
                synchronized (lock) {
                    wasRegistered = unregister(c);
                }
                if (wasRegistered) {
                    dropped.increment();
                    log.info("SSE client (filters tag={}, operacion={}) disconnected: its buffer of {} events is full",
                            c.tag(), c.operacion(), cfg.clientBuffer());
                }
                c.drop();
            }
        }
    }

    private void register(SseClient c) { // under lock
        SseClient[] now = registered.getOrDefault(c.loop(), NONE);
        SseClient[] next = Arrays.copyOf(now, now.length + 1);
        next[now.length] = c;
        registered.put(c.loop(), next);
        registeredCount++;
    }

    private boolean unregister(SseClient c) { // under lock
        SseClient[] now = registered.get(c.loop());
        if (now == null) {
            return false;
        }
        for (int i = 0; i < now.length; i++) {
            if (now[i] == c) {
                if (now.length == 1) {
                    registered.remove(c.loop());
                } else {
                    SseClient[] next = new SseClient[now.length - 1];
                    System.arraycopy(now, 0, next, 0, i);
                    System.arraycopy(now, i + 1, next, i, now.length - i - 1);
                    registered.put(c.loop(), next);
                }
                registeredCount--;
                return true;
            }
        }
        return false;
    }

    // ---- the streams ---------------------------------------------------------------------------------------

    /**
     * One client's stream of frames.
     *
     * @param loop        the connection's event loop (events are delivered on it)
     * @param ready       completes once the views have caught up (the snapshot waits for it)
     * @param readyNow    whether they have already
     * @param disconnect  closes the client's connection (used when it overflows)
     */
    public Flux<SseFrame> stream(String tag, Operacion op, String lastEventId, Executor loop, Mono<Void> ready,
                                 boolean readyNow, Runnable disconnect) {
        return Flux.defer(() -> {
            SseClient client = new SseClient(tag, op, cfg.clientBuffer(), loop, disconnect);
            streams.add(client);
            if (!running) {
                client.close();
            }
            Flux<SseFrame> waiting = Flux.empty();
            if (!readyNow) {
                Boolean kafka;
                synchronized (lock) {
                    kafka = kafkaOk;
                }
                waiting = Flux.concat(kafka == null ? Flux.empty() : Mono.just(status(kafka).frame()),
                        statusWhileWaiting.asFlux().takeUntilOther(ready));
            }
            // registering builds the snapshot: off the thread that completed `ready` (the views consumer); the
            // client's demand is still signalled from its own connection's thread, without a hop
            Flux<SseFrame> events = Flux.concat(Mono.just(hello), waiting,
                    ready.thenMany(Flux.defer(() -> registered(client, lastEventId))
                            .subscribeOn(Schedulers.parallel(), false)));
            Flux<SseFrame> beats = Flux.interval(cfg.heartbeat()).map(i -> HEARTBEAT).onBackpressureDrop();
            return Flux.merge(events, beats)
                    .takeUntilOther(client.ended())
                    .doFinally(signal -> {
                        synchronized (lock) {
                            unregister(client);
                            streams.remove(client);
                        }
                    });
        });
    }

    private Flux<SseFrame> registered(SseClient client, String lastEventId) {
        long last = lastSeq(lastEventId);
        List<SseEvent> missed;
        long at;
        Boolean kafka;
        synchronized (lock) {
            if (!streams.contains(client)) {
                return Flux.empty(); // the client left while the views were loading
            }
            at = seq;
            missed = last < 0 ? null : replay.after(last, seq, System.currentTimeMillis());
            kafka = kafkaOk;
            register(client);
        }
        List<SseFrame> first = new ArrayList<>();
        if (missed == null) {
            first.add(snapshot(client, at));
        } else {
            missed.stream().filter(client::accepts).map(SseEvent::frame).forEach(first::add);
        }
        if (kafka != null) {
            first.add(status(kafka).frame());
        }
        return Flux.concat(Flux.fromIterable(first), client.events().map(SseEvent::frame));
    }

    /** The occupied spools now, filtered like the client; its id makes a reconnect replay from here. */
    private SseFrame snapshot(SseClient client, long at) {
        List<Map<String, Object>> occupied = new ArrayList<>();
        for (SpoolView v : listings.occupied()) {
            if ((client.tag() == null || client.tag().equals(v.tagSpool()))
                    && (client.operacion() == null || client.operacion() == v.operacionActual())) {
                occupied.add(SpoolListings.occupiedItem(v));
            }
        }
        return SseFrame.event(id(at), SseEvent.SNAPSHOT, json.writeValueAsString(occupied));
    }

    private static SseEvent status(boolean ok) {
        return new SseEvent(0, null, null, System.currentTimeMillis(),
                SseFrame.event(null, SseEvent.STATUS, ok ? "{\"kafka\":\"ok\"}" : "{\"kafka\":\"error\"}"));
    }

    private String id(long s) {
        return epoch + "-" + s;
    }

    /** The sequence number of a {@code Last-Event-ID} of this instance's life; -1 for none, another epoch, junk. */
    long lastSeq(String lastEventId) {
        if (lastEventId == null) {
            return -1;
        }
        String v = lastEventId.strip();
        int dash = v.lastIndexOf('-');
        if (dash <= 0) {
            return -1;
        }
        try {
            return Long.parseLong(v.substring(0, dash)) == epoch ? Long.parseLong(v.substring(dash + 1)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- lifecycle: end every stream first on shutdown, so a graceful shutdown does not wait for them ---------

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        streams.forEach(SseClient::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
