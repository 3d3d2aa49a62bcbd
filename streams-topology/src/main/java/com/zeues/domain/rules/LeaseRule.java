package com.zeues.domain.rules;

import com.zeues.domain.model.SpoolState;
import com.zeues.domain.model.WorkerRef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** Contract §2.10: an occupation older than the lease is released by the system as a pause. */
public final class LeaseRule {

    public static final Map<String, Object> METADATA = Map.of("motivo", "lease_expired");

    private LeaseRule() {
    }

    /** Whether {@code s} holds an occupation that the lease has run out on ({@code lease} zero = never). */
    public static boolean expired(SpoolState s, Instant now, Duration lease) {
        return s.occupied() && !lease.isZero() && !lease.isNegative()
                && !s.occupation().since().plus(lease).isAfter(now);
    }

    public static Optional<Transition> expire(SpoolState s, Instant now, LocalDate today, Duration lease) {
        return expired(s, now, lease) ? Optional.of(ReleaseRule.release(s, WorkerRef.SYSTEM, today, METADATA))
                : Optional.empty();
    }
}
