package com.zeues.topology;

import com.zeues.domain.time.BusinessTime;
import java.time.Duration;

/**
 * What the topology needs to know besides its topics.
 *
 * @param lease            how long an occupation may last before the system releases it (zero = never)
 * @param sweepInterval    how often the lease sweep runs (at most a minute)
 * @param verdictRetention how long a verdict answers Idempotency-Key replays
 */
public record TopologySettings(Duration lease, Duration sweepInterval, Duration verdictRetention,
                               BusinessTime businessTime) {

    public static TopologySettings defaults() {
        return new TopologySettings(Duration.ofHours(8), Duration.ofSeconds(30), Duration.ofHours(24),
                BusinessTime.defaultZone());
    }
}
