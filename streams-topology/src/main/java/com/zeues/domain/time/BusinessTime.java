package com.zeues.domain.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The business time zone (default {@code America/Santiago}): "today" and every rendered instant.
 * Kafka records carry epoch milliseconds and ISO dates; only rendering applies the zone's offset.
 */
public final class BusinessTime {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Santiago");
    public static final DateTimeFormatter SHEET_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    public static final DateTimeFormatter SHEET_DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");

    private final ZoneId zone;

    public BusinessTime(ZoneId zone) {
        this.zone = zone;
    }

    public static BusinessTime defaultZone() {
        return new BusinessTime(DEFAULT_ZONE);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today(Instant now) {
        return now.atZone(zone).toLocalDate();
    }

    /** ISO-8601 with the zone's real offset at that instant, to the second: {@code 2026-02-02T08:15:00-03:00}. */
    public String iso(Instant instant) {
        return instant == null ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** {@code DD-MM-YYYY HH:MM:SS} in the business zone, as the sheet shows instants. */
    public String sheetDateTime(Instant instant) {
        return instant == null ? "" : SHEET_DATE_TIME.format(instant.atZone(zone));
    }

    /** {@code DD-MM-YYYY}, as the sheet shows dates. */
    public static String sheetDate(LocalDate date) {
        return date == null ? "" : SHEET_DATE.format(date);
    }
}
