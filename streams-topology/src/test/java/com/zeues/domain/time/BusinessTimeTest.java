package com.zeues.domain.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Contract §1: "today" and rendered instants are in the business time zone, never the server's UTC. */
class BusinessTimeTest {

    private final BusinessTime time = BusinessTime.defaultZone();

    @Test
    void todayIsTheBusinessZonesDate() {
        // 23:30 in Santiago on Feb 2 is already Feb 3 in UTC
        assertThat(time.today(Instant.parse("2026-02-03T02:30:00Z"))).isEqualTo(LocalDate.of(2026, 2, 2));
        assertThat(time.today(Instant.parse("2026-02-03T03:00:00Z"))).isEqualTo(LocalDate.of(2026, 2, 3));
        assertThat(new BusinessTime(ZoneId.of("UTC")).today(Instant.parse("2026-02-03T02:30:00Z")))
                .isEqualTo(LocalDate.of(2026, 2, 3));
    }

    @Test
    void isoCarriesTheRealOffset() {
        assertThat(time.iso(Instant.parse("2026-02-02T11:15:00Z"))).isEqualTo("2026-02-02T08:15:00-03:00");
        assertThat(time.iso(Instant.parse("2026-06-15T12:00:00.789Z"))).isEqualTo("2026-06-15T08:00:00-04:00");
        assertThat(time.iso(null)).isNull();
    }

    @Test
    void sheetFormats() {
        assertThat(time.sheetDateTime(Instant.parse("2026-02-02T11:15:07Z"))).isEqualTo("02-02-2026 08:15:07");
        assertThat(time.sheetDateTime(null)).isEmpty();
        assertThat(BusinessTime.sheetDate(LocalDate.of(2026, 1, 5))).isEqualTo("05-01-2026");
        assertThat(BusinessTime.sheetDate(null)).isEmpty();
    }
}
