package com.zeues.occupation.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** {@code GET /api/health}: always 200, the truth in the body. */
@RestController
@Tag(name = "Salud")
public class HealthController implements DisposableBean {

    private final HealthReport report;
    /**
     * Its own threads: on the shared boundedElastic pool a health check once queued behind blocked work (command sends
     * waiting for an unreachable broker) and a probe must answer exactly then. A full queue answers "unfinished".
     */
    private final Scheduler probes = Schedulers.newBoundedElastic(2, 64, "zeues-health");

    public HealthController(HealthReport report) {
        this.report = report;
    }

    @GetMapping("/api/health")
    @Operation(summary = "Estado del sistema: healthy, degraded o unhealthy, y si es operacional")
    public Mono<Map<String, Object>> health() {
        // every probe inside has a 1 s timeout; this bound is the promise that /api/health never hangs
        return Mono.fromCallable(report::compute).subscribeOn(probes)
                .timeout(HealthReport.MAX_TIME, Mono.fromSupplier(report::unfinished))
                .onErrorResume(java.util.concurrent.RejectedExecutionException.class,
                        e -> Mono.fromSupplier(report::unfinished));
    }

    @Override
    public void destroy() {
        probes.dispose();
    }
}
