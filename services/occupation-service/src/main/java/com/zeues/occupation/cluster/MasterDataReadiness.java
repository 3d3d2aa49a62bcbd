package com.zeues.occupation.cluster;

import com.zeues.domain.model.SpoolMaster;
import com.zeues.occupation.config.ZeuesProperties;
import com.zeues.occupation.streams.SpoolStoreQueries;
import com.zeues.occupation.streams.StoresUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells whether a master-data sync is visible to commands: its marker is in the workers store and every
 * partition of zeues.spools has processed a marker at least as new (the connector writes those first). With several
 * instances each one holds some partitions: the markers of the others come from their
 * {@code GET /api/internal/sync-markers}.
 */
@Component
public class MasterDataReadiness {

    /** Where an instance answers with the markers of the partitions it holds. */
    public static final String MARKERS_PATH = "/api/internal/sync-markers";

    private final SpoolStoreQueries queries;
    private final StoreOwners owners;
    private final PeerClient peers;
    private final JsonMapper json;
    private final int partitions;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile boolean loadedOnce;

    public MasterDataReadiness(SpoolStoreQueries queries, StoreOwners owners, PeerClient peers, JsonMapper json,
                               ZeuesProperties props) {
        this.queries = queries;
        this.owners = owners;
        this.peers = peers;
        this.json = json;
        this.partitions = props.topics().partitions();
    }

    /**
     * Whether the master data of a sync has been processed. Once true it stays true: later syncs arrive while
     * commands go on, and a stream and a global thread may see one sync's markers in either order. Never blocks:
     * until it is true, each call starts a check in the background (one at a time) and answers what is known.
     */
    public boolean loaded() {
        if (loadedOnce) {
            return true;
        }
        if (checking.compareAndSet(false, true)) {
            Mono.fromCallable(() -> queries.workersSync())
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(id -> id.map(this::visible).orElse(Mono.just(false)))
                    .onErrorReturn(false)
                    .doFinally(s -> checking.set(false))
                    .subscribe(ok -> loadedOnce |= ok);
        }
        return loadedOnce;
    }

    /** Whether the sync {@code syncId} (or a newer one) is processed by the workers store and every partition. */
    public Mono<Boolean> visible(long syncId) {
        return Mono.fromCallable(() -> {
                    Optional<Long> workers = queries.workersSync();
                    return workers.isPresent() && workers.get() >= syncId ? owners.partitionOwners() : null;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(byPartition -> {
                    if (byPartition.size() < partitions) {
                        return Mono.just(false); // a partition without an owner: rebalancing
                    }
                    Map<HostInfo, List<Integer>> byHost = new HashMap<>();
                    byPartition.forEach((p, host) -> byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(p));
                    return Flux.fromIterable(byHost.entrySet())
                            .flatMap(e -> markersOf(e.getKey()).map(m -> e.getValue().stream()
                                    .allMatch(p -> m.getOrDefault(p, -1L) >= syncId)))
                            .all(Boolean::booleanValue);
                })
                .defaultIfEmpty(false);
    }

    /** The sync markers of the partitions this instance holds, by partition. */
    public Map<Integer, Long> localMarkers() {
        Map<Integer, Long> markers = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            Optional<Long> id = queries.spoolsSync(SpoolMaster.markerKey(p));
            if (id.isPresent()) {
                markers.put(p, id.get());
            }
        }
        return markers;
    }

    private Mono<Map<Integer, Long>> markersOf(HostInfo host) {
        if (owners.isSelf(host)) {
            return Mono.fromCallable(this::localMarkers).subscribeOn(Schedulers.boundedElastic());
        }
        return peers.get(host, MARKERS_PATH).map(this::parse);
    }

    private Map<Integer, Long> parse(ResponseEntity<byte[]> answer) {
        Map<Integer, Long> markers = new HashMap<>();
        if (!answer.getStatusCode().is2xxSuccessful() || answer.getBody() == null) {
            throw new StoresUnavailableException("another instance has no sync markers to give yet");
        }
        JsonNode partitionsNode = json.readTree(answer.getBody()).path("partitions");
        for (var e : partitionsNode.properties()) {
            markers.put(Integer.parseInt(e.getKey()), e.getValue().asLong());
        }
        return markers;
    }
}
