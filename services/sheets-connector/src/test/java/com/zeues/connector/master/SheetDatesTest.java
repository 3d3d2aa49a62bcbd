package com.zeues.connector.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SheetDatesTest {

    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
    private static final LocalDate FEB_2 = LocalDate.of(2026, 2, 2);

    @Test
    void dayMonthYearWithDashesOrSlashes() throws Exception {
        assertThat(SheetDates.parseDate("02-02-2026")).isEqualTo(FEB_2);
        assertThat(SheetDates.parseDate("2-2-2026")).isEqualTo(FEB_2);
        assertThat(SheetDates.parseDate("02/02/2026")).isEqualTo(FEB_2);
        assertThat(SheetDates.parseDate(" 31/12/2025 ")).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(SheetDates.parseDate("13-01-2026")).isEqualTo(LocalDate.of(2026, 1, 13));
    }

    @Test
    void isoDates() throws Exception {
        assertThat(SheetDates.parseDate("2026-02-02")).isEqualTo(FEB_2);
        assertThat(SheetDates.parseDate("2026-2-2")).isEqualTo(FEB_2);
    }

    @Test
    void serialDayNumbersFromTheGoogleEpoch() throws Exception {
        // 1899-12-30 is day 0; 2026-02-02 is day 46055
        assertThat(SheetDates.parseDate(new BigDecimal("46055"))).isEqualTo(FEB_2);
        assertThat(SheetDates.parseDate(46055)).isEqualTo(FEB_2);
        assertThat(SheetDates.parseDate(46055.0d)).isEqualTo(FEB_2);
        assertThat(SheetDates.parseDate(new BigDecimal("46055.75"))).isEqualTo(FEB_2); // time of day ignored
        assertThat(SheetDates.parseDate("46055")).isEqualTo(FEB_2); // FORMATTED_VALUE of a number cell
        assertThat(SheetDates.parseDate(BigDecimal.ONE)).isEqualTo(LocalDate.of(1899, 12, 31));
        assertThat(SheetDates.parseDate(61)).isEqualTo(LocalDate.of(1900, 3, 1));
    }

    @Test
    void aTimePartInADateColumnIsIgnored() throws Exception {
        assertThat(SheetDates.parseDate("02-02-2026 08:15:00")).isEqualTo(FEB_2);
    }

    @Test
    void blankIsNull() throws Exception {
        assertThat(SheetDates.parseDate(null)).isNull();
        assertThat(SheetDates.parseDate("  ")).isNull();
        assertThat(SheetDates.parseInstant("", SANTIAGO)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"31-02-2026", "2026/02/02", "02.02.2026", "ayer", "02-02-26", "2026-13-01", "-5"})
    void rejectsWhatIsNotADate(String text) {
        assertThatThrownBy(() -> SheetDates.parseDate(text)).isInstanceOf(CellFormatException.class)
                .hasMessageContaining(text.trim());
    }

    @Test
    void rejectsBooleansAndSerialsOutOfRange() {
        assertThatThrownBy(() -> SheetDates.parseDate(Boolean.TRUE)).isInstanceOf(CellFormatException.class);
        assertThatThrownBy(() -> SheetDates.parseDate(new BigDecimal("-1"))).isInstanceOf(CellFormatException.class);
        assertThatThrownBy(() -> SheetDates.parseDate(3_000_000)).isInstanceOf(CellFormatException.class);
    }

    @Test
    void occupationInstantInTheBusinessZone() throws Exception {
        // February: Chile summer time, UTC-3
        assertThat(SheetDates.parseInstant("02-02-2026 08:15:00", SANTIAGO))
                .isEqualTo(Instant.parse("2026-02-02T11:15:00Z"));
        // July: winter time, UTC-4
        assertThat(SheetDates.parseInstant("15-07-2026 08:15:30", SANTIAGO))
                .isEqualTo(Instant.parse("2026-07-15T12:15:30Z"));
        assertThat(SheetDates.parseInstant("02/02/2026 8:15", SANTIAGO))
                .isEqualTo(Instant.parse("2026-02-02T11:15:00Z"));
        assertThat(SheetDates.parseInstant("2026-02-02 08:15:00", SANTIAGO))
                .isEqualTo(Instant.parse("2026-02-02T11:15:00Z"));
        assertThat(SheetDates.parseInstant("02-02-2026", SANTIAGO))
                .isEqualTo(Instant.parse("2026-02-02T03:00:00Z"));
    }

    @Test
    void occupationInstantFromASerialWithAFraction() throws Exception {
        // 46055.34375 = 2026-02-02 08:15:00 local
        assertThat(SheetDates.parseInstant(new BigDecimal("46055.34375"), SANTIAGO))
                .isEqualTo(Instant.parse("2026-02-02T11:15:00Z"));
    }

    @Test
    void rejectsABadTimeOfDay() {
        assertThatThrownBy(() -> SheetDates.parseInstant("02-02-2026 25:00:00", SANTIAGO))
                .isInstanceOf(CellFormatException.class).hasMessageContaining("25:00:00");
        assertThatThrownBy(() -> SheetDates.parseInstant("02-02-2026 mañana", SANTIAGO))
                .isInstanceOf(CellFormatException.class);
    }
}
