package com.zeues.connector.master;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reading unformatted cells (String, Number, Boolean or absent) as text, booleans, ids and tags. */
public final class CellValues {

    /** Contract §1: trimmed, case kept, 1–64 characters from {@code A-Z a-z 0-9 . _ -}. */
    public static final Pattern TAG = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private CellValues() {
    }

    public static boolean isBlank(Object cell) {
        return cell == null || (cell instanceof String s && s.isBlank());
    }

    /** Trimmed text, null when blank; a number without a needless {@code .0}; a boolean as TRUE/FALSE. */
    public static String text(Object cell) {
        if (isBlank(cell)) {
            return null;
        }
        if (cell instanceof Number n) {
            return plain(n);
        }
        if (cell instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        String s = cell.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * {@code TRUE}/{@code FALSE} in any case, a boolean cell, {@code 1}/{@code 0}, {@code SI}/{@code SÍ}/{@code NO},
     * {@code VERDADERO}/{@code FALSO}.
     */
    public static boolean bool(Object cell) throws CellFormatException {
        if (isBlank(cell)) {
            throw new CellFormatException("empty (expected TRUE or FALSE)");
        }
        if (cell instanceof Boolean b) {
            return b;
        }
        if (cell instanceof Number n) {
            BigDecimal d = decimal(n);
            if (d.compareTo(BigDecimal.ONE) == 0) {
                return true;
            }
            if (d.signum() == 0) {
                return false;
            }
            throw new CellFormatException("not TRUE or FALSE: " + describe(cell));
        }
        String s = MARKS.matcher(Normalizer.normalize(cell.toString().strip(), Normalizer.Form.NFD)).replaceAll("")
                .toUpperCase(Locale.ROOT);
        return switch (s) {
            case "TRUE", "1", "SI", "VERDADERO", "YES" -> true;
            case "FALSE", "0", "NO", "FALSO" -> false;
            default -> throw new CellFormatException("not TRUE or FALSE: " + describe(cell));
        };
    }

    /** A worker id: a whole number greater than 0. */
    public static int positiveInt(Object cell) throws CellFormatException {
        if (isBlank(cell)) {
            throw new CellFormatException("empty (expected a whole number > 0)");
        }
        BigDecimal d;
        if (cell instanceof Number n) {
            d = decimal(n);
        } else if (cell instanceof String s) {
            try {
                d = new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw new CellFormatException("not a whole number > 0: " + describe(cell));
            }
        } else {
            throw new CellFormatException("not a whole number > 0: " + describe(cell));
        }
        try {
            int value = d.stripTrailingZeros().intValueExact();
            if (value <= 0) {
                throw new CellFormatException("not a whole number > 0: " + describe(cell));
            }
            return value;
        } catch (ArithmeticException e) {
            throw new CellFormatException("not a whole number > 0: " + describe(cell));
        }
    }

    /** A spool tag: trimmed, case kept, checked against {@link #TAG}. */
    public static String tag(Object cell) throws CellFormatException {
        String t = text(cell);
        if (t == null) {
            throw new CellFormatException("TAG_SPOOL is empty");
        }
        if (!TAG.matcher(t).matches()) {
            throw new CellFormatException("TAG_SPOOL " + describe(t)
                    + " is not 1-64 characters from A-Z a-z 0-9 . _ -");
        }
        return t;
    }

    /** The cell for a message: quoted text, or the number/boolean as is; long text shortened. */
    public static String describe(Object cell) {
        if (cell == null) {
            return "(empty)";
        }
        if (cell instanceof String s) {
            String shown = s.length() > 80 ? s.substring(0, 77) + "..." : s;
            return "'" + shown + "'";
        }
        if (cell instanceof Number n) {
            return plain(n);
        }
        return cell.toString();
    }

    private static String plain(Number n) {
        try {
            BigDecimal d = decimal(n).stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        } catch (CellFormatException e) {
            return n.toString();
        }
    }

    private static BigDecimal decimal(Number n) throws CellFormatException {
        if (n instanceof BigDecimal b) {
            return b;
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new CellFormatException("not a number: " + n);
        }
        return new BigDecimal(n.toString());
    }
}
