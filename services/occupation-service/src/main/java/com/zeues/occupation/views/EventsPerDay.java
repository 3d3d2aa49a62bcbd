package com.zeues.occupation.views;

import com.zeues.domain.time.BusinessTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * How many events each business day had, as far as this instance has read {@code zeues.spool-events} (from the
 * start of today, or earlier): the "events today" of {@code /api/dashboard/resumen}. Keeps a few days only.
 */
@Component
public class EventsPerDay {

    private static final int DAYS_KEPT = 3;

    private final BusinessTime time;
    private final ConcurrentHashMap<LocalDate, LongAdder> counts = new ConcurrentHashMap<>();

    public EventsPerDay(BusinessTime time) {
        this.time = time;
    }

    public void count(Instant timestamp) {
        if (timestamp == null) {
            return;
        }
        LocalDate day = time.today(timestamp);
        counts.computeIfAbsent(day, d -> new LongAdder()).increment();
        if (counts.size() > DAYS_KEPT) {
            LocalDate oldest = time.today(Instant.now()).minusDays(DAYS_KEPT - 1L);
            counts.keySet().removeIf(d -> d.isBefore(oldest));
        }
    }

    public long on(LocalDate day) {
        LongAdder n = counts.get(day);
        return n == null ? 0 : n.sum();
    }

    /** The start of today in the business zone: events from here on count for today. */
    public Instant startOfToday(Instant now) {
        return time.today(now).atStartOfDay(time.zone()).toInstant();
    }
}
