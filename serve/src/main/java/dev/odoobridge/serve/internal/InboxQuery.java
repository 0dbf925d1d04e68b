package dev.odoobridge.serve.internal;

import dev.odoobridge.sync.webhook.EventFilter;
import dev.odoobridge.sync.webhook.EventStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.util.Fields;

/**
 * Reads an inbox selection from query parameters, the same criteria as the command line's
 * {@code webhook list} / {@code webhook replay}: {@code id} (comma-separated), {@code status}
 * (comma-separated), {@code source}, {@code model}, {@code since}, {@code until} (2025-01-31,
 * 2025-01-31T10:00 or an ISO instant, UTC).
 */
final class InboxQuery {
    private InboxQuery() {
    }

    /** The filter, or an {@link IllegalArgumentException} naming the bad parameter. */
    static EventFilter filter(Fields params) {
        EventFilter f = EventFilter.all();
        List<Long> ids = new ArrayList<>();
        for (String id : list(params, "id")) {
            try {
                ids.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("id: '" + id + "' is not an event id");
            }
        }
        if (!ids.isEmpty()) {
            f = f.ids(ids.toArray(Long[]::new));
        }
        List<EventStatus> statuses = new ArrayList<>();
        for (String s : list(params, "status")) {
            try {
                statuses.add(EventStatus.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("status: '" + s + "' is not one of "
                        + java.util.Arrays.toString(EventStatus.values()).toLowerCase(Locale.ROOT));
            }
        }
        if (!statuses.isEmpty()) {
            f = f.statuses(statuses.toArray(EventStatus[]::new));
        }
        String model = params.getValue("model");
        if (model != null && !model.isBlank()) {
            f = f.model(model);
        }
        String source = params.getValue("source");
        if (source != null && !source.isBlank()) {
            f = f.source(source);
        }
        String since = params.getValue("since");
        String until = params.getValue("until");
        if (since != null || until != null) {
            f = f.received(since == null ? null : instant("since", since), until == null ? null : instant("until", until));
        }
        return f;
    }

    /** The comma-separated values of every {@code name} parameter; empty when absent. */
    static List<String> list(Fields params, String name) {
        List<String> out = new ArrayList<>();
        List<String> values = params.getValues(name);
        for (String v : values == null ? List.<String>of() : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    static Instant instant(String param, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(param + ": cannot read '" + text
                    + "' as a time; use 2025-01-31, 2025-01-31T10:00 or 2025-01-31T10:00:00Z");
        }
    }
}
