package dev.odoobridge.testkit.internal.orm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Odoo's naive-UTC date and datetime strings, with datetimes kept as microseconds since the epoch. */
final class OdooTime {
    static final long MICROS_PER_SECOND = 1_000_000L;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private OdooTime() {
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** {@code "YYYY-MM-DD HH:MM:SS"}, the microseconds dropped (as every RPC read does). */
    static String formatSeconds(long micros) {
        return dateTime(micros).format(SECONDS);
    }

    /** {@code "YYYY-MM-DD HH:MM:SS.ffffff"}, as in webhook bodies. */
    static String formatMicros(long micros) {
        return dateTime(micros).format(MICROS);
    }

    /**
     * Parses {@code "YYYY-MM-DD"}, {@code "YYYY-MM-DD HH:MM:SS"} or with a fraction (also with a {@code T}).
     *
     * @throws IllegalArgumentException when the text is not such a datetime
     */
    static long parseMicros(String text) {
        String t = text.trim().replace('T', ' ');
        try {
            if (t.length() == 10) {
                return micros(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            int dot = t.indexOf('.');
            long base = micros(LocalDateTime.parse(dot < 0 ? t : t.substring(0, dot), SECONDS).toInstant(ZoneOffset.UTC));
            if (dot < 0) {
                return base;
            }
            String fraction = (t.substring(dot + 1) + "000000").substring(0, 6);
            return base + Long.parseLong(fraction);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a datetime; expected YYYY-MM-DD HH:MM:SS", e);
        }
    }

    /** Whether the literal names a whole second (or day), so that a comparison covers the whole of it. */
    static long spanMicros(String text) {
        String t = text.trim();
        if (t.length() == 10) {
            return 86_400L * MICROS_PER_SECOND;
        }
        return t.indexOf('.') < 0 ? MICROS_PER_SECOND : 1;
    }

    static LocalDateTime dateTime(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000, ZoneOffset.UTC);
    }

    /**
     * Normalises a date value to {@code "YYYY-MM-DD"}.
     *
     * @throws IllegalArgumentException when the text is not a date
     */
    static String parseDate(String text) {
        String t = text.trim();
        try {
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date; expected YYYY-MM-DD", e);
        }
    }
}
