package com.zeues.occupation.api;

import com.zeues.occupation.cluster.MasterDataReadiness;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Between instances: the master-data sync each partition held here has processed (see MasterDataReadiness). */
@Hidden
@RestController
public class SyncMarkersController {

    private final MasterDataReadiness readiness;

    public SyncMarkersController(MasterDataReadiness readiness) {
        this.readiness = readiness;
    }

    @GetMapping(path = MasterDataReadiness.MARKERS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> markers() {
        return Mono.fromCallable(() -> Map.<String, Object>of("partitions", new TreeMap<>(readiness.localMarkers())))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
