package com.zeues.occupation.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: ready only when operational, so a load balancer sends no command that would get a 503. */
@Component("zeuesOperational")
public class OperationalHealthIndicator implements HealthIndicator {

    private final HealthReport report;

    public OperationalHealthIndicator(HealthReport report) {
        this.report = report;
    }

    @Override
    public Health health() {
        var body = report.compute();
        return (Boolean.TRUE.equals(body.get("operational")) ? Health.up() : Health.outOfService())
                .withDetail("status", body.get("status"))
                .withDetail("streams_state", body.get("streams_state"))
                .build();
    }
}
