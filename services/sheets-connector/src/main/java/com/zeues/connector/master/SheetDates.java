package com.zeues.connector.master;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and instants as the sheet holds them: {@code DD-MM-YYYY}, {@code DD/MM/YYYY}, {@code YYYY-MM-DD}, or a
 * serial day number (days since 1899-12-30, the Google and Excel epoch; a fraction is the time of day), which is
 * what {@code UNFORMATTED_VALUE} gives for a cell the sheet typed as a date. An instant ({@code Fecha_Ocupacion},
 * {@code DD-MM-YYYY HH:MM:SS}) is read in the business zone.
 */
public final class SheetDates {

    /** Day 0 of serial day numbers. */
    public static final LocalDate SERIAL_EPOCH = LocalDate.of(1899, 12, 30);
    /** 9999-12-31: the largest serial the sheet can hold. */
    static final long MAX_SERIAL = 2_958_465;

    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[-/](\\d{1,2})[-/](\\d{4})");
    private static final Pattern YMD = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern DATE_TIME = Pattern.compile("(\\S+)(?:\\s+|T)(\\S+)");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,7}(?:[.,]\\d+)?");
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private SheetDates() {
    }

    /** A date cell: null when blank; a time part, if any, is ignored. */
    public static LocalDate parseDate(Object cell) throws CellFormatException {
        if (CellValues.isBlank(cell)) {
            return null;
        }
        if (cell instanceof Number n) {
            return serial(decimal(n)).toLocalDate();
        }
        if (!(cell instanceof String)) {
            throw new CellFormatException("not a date: " + CellValues.describe(cell));
        }
        String text = ((String) cell).strip();
        if (NUMBER.matcher(text).matches()) {
            return serial(new BigDecimal(text.replace(',', '.'))).toLocalDate();
        }
        Matcher dt = DATE_TIME.matcher(text);
        if (dt.matches() && TIME.matcher(dt.group(2)).matches()) {
            text = dt.group(1);
        }
        return dateText(text, cell);
    }

    /** An instant cell ({@code DD-MM-YYYY HH:MM:SS} in {@code zone}, a date alone = midnight, or a serial). */
    public static Instant parseInstant(Object cell, ZoneId zone) throws CellFormatException {
        if (CellValues.isBlank(cell)) {
            return null;
        }
        if (cell instanceof Number n) {
            return serial(decimal(n)).atZone(zone).toInstant();
        }
        if (!(cell instanceof String)) {
            throw new CellFormatException("not a date and time: " + CellValues.describe(cell));
        }
        String text = ((String) cell).strip();
        if (NUMBER.matcher(text).matches()) {
            return serial(new BigDecimal(text.replace(',', '.'))).atZone(zone).toInstant();
        }
        LocalDate date;
        LocalTime time = LocalTime.MIDNIGHT;
        Matcher dt = DATE_TIME.matcher(text);
        if (dt.matches()) {
            date = dateText(dt.group(1), cell);
            Matcher t = TIME.matcher(dt.group(2));
            if (!t.matches()) {
                throw new CellFormatException("not a time of day in " + CellValues.describe(cell)
                        + " (expected DD-MM-YYYY HH:MM:SS)");
            }
            try {
                time = LocalTime.of(Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2)),
                        t.group(3) == null ? 0 : Integer.parseInt(t.group(3)));
            } catch (DateTimeException e) {
                throw new CellFormatException("no such time of day in " + CellValues.describe(cell));
            }
        } else {
            date = dateText(text, cell);
        }
        return LocalDateTime.of(date, time).atZone(zone).toInstant();
    }

    /** Serial day number → local date and time (the fraction of a day rounded to the second). */
    static LocalDateTime serial(BigDecimal serial) throws CellFormatException {
        if (serial.signum() < 0 || serial.compareTo(BigDecimal.valueOf(MAX_SERIAL + 1)) >= 0) {
            throw new CellFormatException("serial day number " + serial.toPlainString() + " is out of range");
        }
        long days = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
        long seconds = serial.subtract(BigDecimal.valueOf(days)).multiply(SECONDS_PER_DAY)
                .setScale(0, RoundingMode.HALF_UP).longValue();
        return SERIAL_EPOCH.plusDays(days).atStartOfDay().plusSeconds(seconds);
    }

    private static LocalDate dateText(String text, Object cell) throws CellFormatException {
        try {
            Matcher m = DMY.matcher(text);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
            }
            m = YMD.matcher(text);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
        } catch (DateTimeException e) {
            throw new CellFormatException("no such date: " + CellValues.describe(cell));
        }
        throw new CellFormatException("not a date: " + CellValues.describe(cell)
                + " (expected DD-MM-YYYY, DD/MM/YYYY, YYYY-MM-DD or a serial day number)");
    }

    private static BigDecimal decimal(Number n) throws CellFormatException {
        if (n instanceof BigDecimal b) {
            return b;
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new CellFormatException("not a date: " + n);
        }
        return new BigDecimal(n.toString());
    }
}
