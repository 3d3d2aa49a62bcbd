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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one hot source of this instance's SSE streams (contract §5, architecture step 7). The views consumer thread
 * publishes each new event once: it gets the next id {@code {instanceEpoch}-{sequence}}, is rendered once as the
 * HTTP API renders it (business-zone instants) plus {@code event_type}, goes into the replay buffer, and is offered
 * to every client's own bounded buffer. A client whose buffer is full is disconnected alone; nobody waits for it.
 *
 * <p>Each stream: {@code retry} and a comment at once (and, while the views are still loading, the Kafka
 * {@code status} and its changes); once the views have caught up, a {@code snapshot} (or, for
 * a {@code Last-Event-ID} of this instance still covered by the replay buffer, the missed events), the current
 * Kafka {@code status}; then every matching event and every status change; a comment line every heartbeat.
 */
@Component
public class SseBroadcaster implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SseBroadcaster.class);
    private static final ServerSentEvent<String> HEARTBEAT = ServerSentEvent.<String>builder().comment("keep-alive")
            .build();

    private final long epoch = System.currentTimeMillis();
    private final Object lock = new Object();
    private final ReplayBuffer replay; // guarded by lock
    private long seq; // guarded by lock
    private Boolean kafkaOk; // guarded by lock; null until first known
    private volatile int replaySize;

    private final Set<SseClient> registered = ConcurrentHashMap.newKeySet();
    /** Status changes for the streams still waiting for the views (they have no snapshot yet). */
    private final Sinks.Many<ServerSentEvent<String>> statusWhileWaiting = Sinks.many().multicast()
            .directBestEffort();
    private final Set<SseClient> streams = ConcurrentHashMap.newKeySet();
    private final ZeuesProperties.Views cfg;
    private final JsonMapper json;
    private final SpoolListings listings;
    private final Counter dropped;
    private final ServerSentEvent<String> hello;
    private volatile boolean running;

    public SseBroadcaster(ZeuesProperties props, JsonMapper json, SpoolListings listings, MeterRegistry registry) {
        this.cfg = props.views();
        this.json = json;
        this.listings = listings;
        this.replay = new ReplayBuffer(cfg.replayMaxEvents(), cfg.replayWindow().toMillis());
        this.hello = ServerSentEvent.<String>builder().retry(cfg.retry()).comment("zeues " + epoch).build();
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
            ServerSentEvent<String> frame = ServerSentEvent.builder(data).id(id(s)).event(SseEvent.SPOOL_UPDATE)
                    .build();
            SseEvent e = new SseEvent(s, event.tagSpool(), event.operacion(), now, frame);
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
                log.info("connection to Kafka {}: telling {} SSE client(s)", ok ? "ok" : "lost", registered.size());
            }
            SseEvent e = status(ok);
            deliver(e);
            statusWhileWaiting.tryEmitNext(e.frame());
        }
    }

    private void deliver(SseEvent e) {
        for (SseClient c : registered) {
            if (c.accepts(e) && !c.offer(e)) {
                registered.remove(c);
                dropped.increment();
                log.info("SSE client (filters tag={}, operacion={}) disconnected: its buffer of {} events is full",
                        c.tag(), c.operacion(), cfg.clientBuffer());
                c.drop();
            }
        }
    }

    // ---- the streams ---------------------------------------------------------------------------------------

    /**
     * One client's stream.
     *
     * @param ready       completes once the views have caught up (the snapshot waits for it)
     * @param readyNow    whether they have already
     * @param disconnect  closes the client's connection (used when it overflows)
     */
    public Flux<ServerSentEvent<String>> stream(String tag, Operacion op, String lastEventId, Mono<Void> ready,
                                                boolean readyNow, Runnable disconnect) {
        return Flux.defer(() -> {
            SseClient client = new SseClient(tag, op, cfg.clientBuffer(), disconnect);
            streams.add(client);
            if (!running) {
                client.close();
            }
            Flux<ServerSentEvent<String>> waiting = Flux.empty();
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
            Flux<ServerSentEvent<String>> events = Flux.concat(Mono.just(hello), waiting,
                    ready.thenMany(Flux.defer(() -> registered(client, lastEventId))
                            .subscribeOn(Schedulers.parallel(), false)));
            Flux<ServerSentEvent<String>> beats = Flux.interval(cfg.heartbeat()).map(i -> HEARTBEAT)
                    .onBackpressureDrop();
            return Flux.merge(events, beats)
                    .takeUntilOther(client.ended())
                    .doFinally(signal -> {
                        synchronized (lock) {
                            registered.remove(client);
                            streams.remove(client);
                        }
                    });
        });
    }

    private Flux<ServerSentEvent<String>> registered(SseClient client, String lastEventId) {
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
            registered.add(client);
        }
        List<ServerSentEvent<String>> first = new ArrayList<>();
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
    private ServerSentEvent<String> snapshot(SseClient client, long at) {
        List<Map<String, Object>> occupied = new ArrayList<>();
        for (SpoolView v : listings.occupied()) {
            if ((client.tag() == null || client.tag().equals(v.tagSpool()))
                    && (client.operacion() == null || client.operacion() == v.operacionActual())) {
                occupied.add(SpoolListings.occupiedItem(v));
            }
        }
        return ServerSentEvent.builder(json.writeValueAsString(occupied)).id(id(at)).event(SseEvent.SNAPSHOT)
                .build();
    }

    private static SseEvent status(boolean ok) {
        return new SseEvent(0, null, null, System.currentTimeMillis(), ServerSentEvent.builder(
                ok ? "{\"kafka\":\"ok\"}" : "{\"kafka\":\"error\"}").event(SseEvent.STATUS).build());
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
