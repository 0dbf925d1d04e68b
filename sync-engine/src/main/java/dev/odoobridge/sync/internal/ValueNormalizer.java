package dev.odoobridge.sync.internal;

import dev.odoobridge.client.value.OdooValues;
import dev.odoobridge.client.value.Ref;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Brings an Odoo wire value and a read-model value to one comparable form: {@code False},
 * null, {@code false} and empty lists are null; many2one ({@code [id, name]}, {@link Ref} or
 * {@code {id, name}}) is its id; datetimes are Instants truncated to the second; dates are
 * LocalDates; numbers are BigDecimals without trailing zeros and with a scale of at least 0 (so they print
 * as {@code -90} and {@code 470}, not {@code -9E+1}); lists are normalised element-wise.
 */
public final class ValueNormalizer {
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ValueNormalizer() {
    }

    /** The comparable form of a value. */
    public static Object normalize(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        if (value instanceof Ref r) {
            return BigDecimal.valueOf(r.id());
        }
        if (value instanceof Map<?, ?> m && m.containsKey("id")) {
            return normalize(m.get("id"));
        }
        if (value instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number && l.get(1) instanceof String) {
            return normalize(l.get(0));
        }
        if (value instanceof Collection<?> c) {
            if (c.isEmpty()) {
                return null;
            }
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) {
                out.add(normalize(o));
            }
            return out;
        }
        if (value instanceof String s) {
            if (DATETIME.matcher(s).matches()) {
                return OdooValues.parseDatetime(s.replace("Z", "")).truncatedTo(ChronoUnit.SECONDS);
            }
            if (DATE.matcher(s).matches()) {
                return LocalDate.parse(s);
            }
            return s.isEmpty() ? null : s;
        }
        if (value instanceof Instant i) {
            return i.truncatedTo(ChronoUnit.SECONDS);
        }
        if (value instanceof Date d) {
            return d.toInstant().truncatedTo(ChronoUnit.SECONDS);
        }
        if (value instanceof LocalDateTime dt) {
            return dt.toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        }
        if (value instanceof BigDecimal d) {
            return strip(d);
        }
        if (value instanceof Double || value instanceof Float) {
            return strip(BigDecimal.valueOf(((Number) value).doubleValue()));
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        return value;
    }

    /** True when both values mean the same after normalisation (a date at midnight equals that day's datetime). */
    public static boolean same(Object odoo, Object mongo) {
        Object a = normalize(odoo);
        Object b = normalize(mongo);
        if (a instanceof LocalDate d && b instanceof Instant i) {
            return d.atStartOfDay().toInstant(ZoneOffset.UTC).equals(i);
        }
        if (b instanceof LocalDate d && a instanceof Instant i) {
            return d.atStartOfDay().toInstant(ZoneOffset.UTC).equals(i);
        }
        return java.util.Objects.equals(a, b);
    }

    /** Without trailing zeros, and never in exponent notation: {@code -90}, {@code 470}, {@code 4.5}. */
    private static BigDecimal strip(BigDecimal d) {
        if (d.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
