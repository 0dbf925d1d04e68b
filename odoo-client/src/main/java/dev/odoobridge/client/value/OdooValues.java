package dev.odoobridge.client.value;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between Odoo wire values and Java. Reading: Odoo sends {@code False} for every
 * empty field, so each {@code toX} maps {@code False} (and null) to the empty value of X.
 * Writing: {@link #toWire(Object)} turns Java values into plain wire values.
 */
public final class OdooValues {
    /** Odoo's datetime format: naive UTC, second precision. */
    public static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Odoo's date format. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private OdooValues() {
    }

    /** True for Odoo's "empty": null or {@code Boolean.FALSE}. */
    public static boolean isEmpty(Object raw) {
        return raw == null || Boolean.FALSE.equals(raw);
    }

    /** String value or null. */
    public static String toStringValue(Object raw) {
        if (isEmpty(raw)) {
            return null;
        }
        if (raw instanceof String s) {
            return s;
        }
        throw mismatch("string", raw);
    }

    /** Integer value (also the id of a many2one pair) or null. */
    public static Long toLong(Object raw) {
        if (isEmpty(raw)) {
            return null;
        }
        if (raw instanceof Number n) {
            return n.longValue();
        }
        if (raw instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number n) {
            return n.longValue();
        }
        throw mismatch("integer", raw);
    }

    /** Float value or null. */
    public static Double toDouble(Object raw) {
        if (isEmpty(raw)) {
            return null;
        }
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        throw mismatch("float", raw);
    }

    /** Float / monetary as BigDecimal from the double's shortest decimal representation, or null. */
    public static BigDecimal toDecimal(Object raw) {
        if (isEmpty(raw)) {
            return null;
        }
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Integer || raw instanceof Long) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof Number n) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        throw mismatch("float", raw);
    }

    /** many2one {@code [id, "name"]} (or a bare id) as Ref, or null. */
    public static Ref toRef(Object raw) {
        if (isEmpty(raw)) {
            return null;
        }
        if (raw instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Number id) {
            Object name = l.size() > 1 ? l.get(1) : null;
            return new Ref(id.longValue(), name instanceof String s ? s : null);
        }
        if (raw instanceof Object[] a && a.length > 0 && a[0] instanceof Number id) {
            Object name = a.length > 1 ? a[1] : null;
            return new Ref(id.longValue(), name instanceof String s ? s : null);
        }
        if (raw instanceof Number id) {
            return Ref.of(id.longValue());
        }
        throw mismatch("many2one", raw);
    }

    /** x2many ids; empty list when empty. */
    public static List<Long> toIds(Object raw) {
        if (isEmpty(raw)) {
            return List.of();
        }
        if (raw instanceof Collection<?> c) {
            List<Long> ids = new ArrayList<>(c.size());
            for (Object o : c) {
                if (!(o instanceof Number n)) {
                    throw mismatch("x2many id", o);
                }
                ids.add(n.longValue());
            }
            return List.copyOf(ids);
        }
        if (raw instanceof Object[] a) {
            return toIds(List.of(a));
        }
        throw mismatch("x2many", raw);
    }

    /** datetime string (naive UTC) as Instant, or null. */
    public static Instant toInstant(Object raw) {
        if (isEmpty(raw)) {
            return null;
        }
        if (raw instanceof String s) {
            return parseDatetime(s);
        }
        if (raw instanceof Instant i) {
            return i;
        }
        throw mismatch("datetime", raw);
    }

    /** date string as LocalDate, or null. */
    public static LocalDate toLocalDate(Object raw) {
        if (isEmpty(raw)) {
            return null;
        }
        if (raw instanceof String s) {
            try {
                // a datetime string is accepted too (first 10 chars)
                return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s, DATE);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an Odoo date: '" + s + "'", e);
            }
        }
        if (raw instanceof LocalDate d) {
            return d;
        }
        throw mismatch("date", raw);
    }

    /** binary (base64) decoded, or null. */
    public static byte[] toBinary(Object raw) {
        if (isEmpty(raw)) {
            return null;
        }
        if (raw instanceof String s) {
            return Base64.getMimeDecoder().decode(s);
        }
        if (raw instanceof byte[] b) {
            return b.clone();
        }
        throw mismatch("binary", raw);
    }

    /** Parses {@code "YYYY-MM-DD HH:MM:SS"} (optionally with fractional seconds, as in webhook bodies) as UTC. */
    public static Instant parseDatetime(String s) {
        try {
            String t = s.trim();
            int dot = t.indexOf('.');
            String whole = dot >= 0 ? t.substring(0, dot) : t;
            Instant i = LocalDateTime.parse(whole.replace('T', ' '), DATETIME).toInstant(ZoneOffset.UTC);
            if (dot >= 0) {
                String frac = (t.substring(dot + 1) + "000000000").substring(0, 9);
                i = i.plusNanos(Long.parseLong(frac));
            }
            return i;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("not an Odoo datetime: '" + s + "'", e);
        }
    }

    /** Formats an instant as Odoo's naive-UTC datetime string, truncated to the second. */
    public static String formatDatetime(Instant instant) {
        return DATETIME.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    }

    /** Formats a date as {@code YYYY-MM-DD}. */
    public static String formatDate(LocalDate date) {
        return DATE.format(date);
    }

    /**
     * Turns a Java value into a plain wire value: null → {@code False}, Instant / LocalDate →
     * Odoo strings, BigDecimal → double, Ref → id, Command → its tuple, byte[] → base64,
     * enums → name, collections and maps recursively. Plain values pass unchanged.
     */
    public static Object toWire(Object value) {
        if (value == null) {
            return Boolean.FALSE;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Instant i) {
            return formatDatetime(i);
        }
        if (value instanceof LocalDate d) {
            return formatDate(d);
        }
        if (value instanceof LocalDateTime dt) {
            return DATETIME.format(dt.truncatedTo(ChronoUnit.SECONDS));
        }
        if (value instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (value instanceof Number n) {
            return (value instanceof Float) ? n.doubleValue() : n.longValue();
        }
        if (value instanceof Ref r) {
            return r.id();
        }
        if (value instanceof Command c) {
            return toWire(c.toWire());
        }
        if (value instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), toWire(v)));
            return out;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) {
                out.add(toWire(o));
            }
            return out;
        }
        if (value instanceof Object[] a) {
            return toWire(List.of(a));
        }
        throw new IllegalArgumentException("cannot send a " + value.getClass().getName() + " to Odoo");
    }

    private static IllegalArgumentException mismatch(String expected, Object raw) {
        String shown = String.valueOf(raw);
        if (shown.length() > 80) {
            shown = shown.substring(0, 80) + "...";
        }
        return new IllegalArgumentException("expected an Odoo " + expected + " value but got "
                + raw.getClass().getSimpleName() + ": " + shown);
    }
}
