package com.zeues.occupation.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /api/health}: always 200, the truth in the body. */
@RestController
@Tag(name = "Salud")
public class HealthController {

    private final HealthReport report;

    public HealthController(HealthReport report) {
        this.report = report;
    }

    @GetMapping("/api/health")
    @Operation(summary = "Estado del sistema: healthy, degraded o unhealthy, y si es operacional")
    public Mono<Map<String, Object>> health() {
        // every probe inside has a 1 s timeout; this bound is the promise that /api/health never hangs
        return Mono.fromCallable(report::compute).subscribeOn(Schedulers.boundedElastic())
                .timeout(HealthReport.MAX_TIME, Mono.fromSupplier(report::unfinished));
    }
}
