package com.zeues.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.zeues.local.e2e.Http;
import com.zeues.local.faults.OperationLoad.Ack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;

/**
 * Proves, after a fault, that what the service acknowledged is what Kafka holds and what every read shows: each 200
 * is exactly one event on {@code zeues.spool-events} with its version, kind and worker; each spool's events are
 * versions 1..n without a gap or a double; no event lacks its 200; replaying the events never occupies a spool
 * twice; {@code /api/history}, {@code /api/occupation/status} and {@code zeues.spool-state} agree with the replay.
 * And every acknowledged POST sent again with its key gets its first verdict and applies nothing.
 */
final class AcknowledgedChangesAudit {

    static final String EVENTS = "zeues.spool-events";
    static final String STATE = "zeues.spool-state";

    private final TopicReader topics;
    private final Http api;

    AcknowledgedChangesAudit(String bootstrap, String serviceUrl) {
        this.topics = new TopicReader(bootstrap);
        this.api = new Http(serviceUrl);
    }

    /**
     * Waits (up to {@code wait}) until every acknowledged change is readable {@code read_committed} (a transaction
     * of a killed producer holds the last stable offset back until its successor fences it), then checks everything.
     * {@code unresolved} are lanes whose last command never got a verdict: their spool may hold one more event.
     */
    void verify(Collection<String> tags, List<Ack> acks, Set<String> unresolved, Duration wait) {
        Map<String, List<JsonNode>> events = awaitEvents(acks, wait);
        Map<String, List<Ack>> acksByTag = acks.stream().collect(Collectors.groupingBy(Ack::tag));
        Map<String, List<JsonNode>> states = topics.byKey(STATE, Duration.ofSeconds(30));
        SoftAssertions soft = new SoftAssertions();
        for (String tag : tags) {
            List<JsonNode> tagEvents = events.getOrDefault(tag, List.of());
            List<Ack> tagAcks = acksByTag.getOrDefault(tag, List.of());
            verifySpool(soft, tag, tagEvents, tagAcks, unresolved.contains(tag), states.getOrDefault(tag, List.of()));
        }
        soft.assertAll();
    }

    /**
     * Every acknowledged POST again, with its key and body: the same verdict, and nothing applied (the spools' event
     * counts on {@link #EVENTS} do not change).
     */
    void verifyRetries(Collection<String> tags, List<Ack> acks) throws Exception {
        Map<String, Integer> eventsBefore = eventCounts(tags);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Ack a : acks) {
                results.add(pool.submit(() -> {
                    Http.Response r = api.post(a.path(), a.requestBody(), Map.of("Idempotency-Key", a.key()));
                    return r.status() == 200 && a.body().equals(r.body()) ? null
                            : a.key() + ": first " + a.body() + ", retry " + r.status() + " " + r.raw();
                }));
            }
            List<String> different = new ArrayList<>();
            for (Future<String> f : results) {
                String d = f.get();
                if (d != null) {
                    different.add(d);
                }
            }
            assertThat(different).as("retries that did not get the first verdict").isEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventCounts(tags)).as("events after every retry").isEqualTo(eventsBefore);
    }

    private Map<String, Integer> eventCounts(Collection<String> tags) {
        Map<String, List<JsonNode>> events = topics.byKey(EVENTS, Duration.ofSeconds(30));
        Map<String, Integer> counts = new TreeMap<>();
        for (String tag : tags) {
            counts.put(tag, events.getOrDefault(tag, List.of()).size());
        }
        return counts;
    }

    private Map<String, List<JsonNode>> awaitEvents(List<Ack> acks, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Map<String, List<JsonNode>> events = topics.byKey(EVENTS, Duration.ofSeconds(30));
            Set<String> present = new HashSet<>();
            events.forEach((tag, list) -> list.forEach(e -> present.add(tag + "#" + e.get("version").asLong())));
            List<String> missing = acks.stream().map(a -> a.tag() + "#" + a.version())
                    .filter(k -> !present.contains(k)).toList();
            if (missing.isEmpty()) {
                return events;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(missing.size() + " acknowledged changes are not on " + EVENTS + " after "
                        + wait.toSeconds() + " s, e.g. " + missing.subList(0, Math.min(10, missing.size())));
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private void verifySpool(SoftAssertions soft, String tag, List<JsonNode> events, List<Ack> acks,
                             boolean unresolved, List<JsonNode> states) {
        List<Long> versions = events.stream().map(e -> e.get("version").asLong()).toList();
        List<Long> expected = new ArrayList<>();
        for (long v = 1; v <= events.size(); v++) {
            expected.add(v);
        }
        soft.assertThat(versions).as("%s: versions on %s (each change exactly once, no gap)", tag, EVENTS)
                .isEqualTo(expected);
        Set<String> ids = new HashSet<>();
        events.forEach(e -> soft.assertThat(ids.add(e.get("event_id").asString()))
                .as("%s: event %s twice", tag, e.get("event_id")).isTrue());

        // every 200 is its event; every event had its 200 (but the last of a lane stopped without a verdict)
        Set<Long> acked = new HashSet<>();
        for (Ack a : acks) {
            soft.assertThat(acked.add(a.version())).as("%s: version %d acknowledged twice", tag, a.version()).isTrue();
            soft.assertThat(a.body().get("request_id").asString()).as("%s request id", a.key()).isEqualTo(a.key());
            JsonNode e = a.version() >= 1 && a.version() <= events.size() ? events.get((int) a.version() - 1) : null;
            soft.assertThat(e).as("%s: event of acknowledged version %d", tag, a.version()).isNotNull();
            if (e != null) {
                soft.assertThat(e.get("evento_tipo").asString()).as("%s v%d", tag, a.version()).isEqualTo(a.evento());
                soft.assertThat(e.get("worker_id").asInt()).as("%s v%d worker", tag, a.version())
                        .isEqualTo(a.workerId());
            }
        }
        long unacknowledged = versions.stream().filter(v -> !acked.contains(v)).count();
        soft.assertThat(unacknowledged).as("%s: events without a 200 (versions %s, acknowledged %s)", tag, versions,
                acked).isLessThanOrEqualTo(unresolved ? 1 : 0);

        // replay: a spool is taken only when free, released only by its occupant
        Integer occupant = null;
        for (JsonNode e : events) {
            String tipo = e.get("evento_tipo").asString();
            int worker = e.get("worker_id").asInt();
            if (tipo.startsWith("TOMAR")) {
                soft.assertThat(occupant).as("%s v%d: taken by %d while occupied", tag, e.get("version").asLong(),
                        worker).isNull();
                occupant = worker;
            } else if (tipo.startsWith("PAUSAR") || tipo.startsWith("COMPLETAR_A") || tipo.startsWith("CANCELAR")) {
                if (worker != 0) {
                    soft.assertThat(occupant).as("%s v%d: released by %d", tag, e.get("version").asLong(), worker)
                            .isEqualTo(worker);
                }
                occupant = null;
            }
            JsonNode inEvent = e.get("spool").get("worker_id_ocupante");
            soft.assertThat(inEvent == null || inEvent.isNull() ? null : inEvent.asInt())
                    .as("%s v%d: occupant in the event's view", tag, e.get("version").asLong()).isEqualTo(occupant);
        }

        // reads: history and status from the topology's stores, the compacted state topic
        Http.Response history = api.get("/api/history/" + tag);
        soft.assertThat(history.status()).as(history.raw()).isEqualTo(200);
        JsonNode lastInHistory = null;
        if (history.status() == 200) {
            List<String> historyIds = new ArrayList<>();
            history.body().get("events").forEach(e -> historyIds.add(e.get("event_id").asString()));
            soft.assertThat(historyIds).as("%s: /api/history events", tag)
                    .isEqualTo(events.stream().map(e -> e.get("event_id").asString()).toList());
            JsonNode all = history.body().get("events");
            lastInHistory = all.isEmpty() ? null : all.get(all.size() - 1).get("spool");
        }
        Http.Response status = api.get("/api/occupation/status/" + tag);
        soft.assertThat(status.status()).as(status.raw()).isEqualTo(200);
        if (status.status() == 200 && !events.isEmpty()) {
            // Kafka carries instants as epoch ms, HTTP renders them: compare rendered with rendered, fields with fields
            if (lastInHistory != null) {
                soft.assertThat(status.body()).as("%s: status is the view after the last event", tag)
                        .isEqualTo(lastInHistory);
            }
            JsonNode last = events.get(events.size() - 1).get("spool");
            for (String field : List.of("version", "estado_detalle", "ocupado_por", "arm", "sold", "armador")) {
                soft.assertThat(status.body().get(field)).as("%s: %s after the last event", tag, field)
                        .isEqualTo(last.get(field));
            }
            JsonNode occ = status.body().get("worker_id_ocupante");
            soft.assertThat(occ == null || occ.isNull() ? null : occ.asInt()).as("%s: occupant after replay", tag)
                    .isEqualTo(occupant);
        }
        if (!states.isEmpty() && !events.isEmpty()) {
            JsonNode latest = states.get(states.size() - 1);
            soft.assertThat(latest.get("version").asLong()).as("%s: version on %s", tag, STATE)
                    .isEqualTo(versions.get(versions.size() - 1));
        }
    }
}
