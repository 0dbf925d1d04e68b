package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.sync.webhook.EventFilter;
import dev.odoobridge.sync.webhook.EventStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Inbox selection options shared by {@code webhook list} and {@code webhook replay}. */
final class InboxFilter {
    @Option(names = "--status", paramLabel = "STATUS", split = ",",
            description = "Only events with these statuses: ${COMPLETION-CANDIDATES}.")
    List<EventStatus> statuses = new ArrayList<>();

    @Option(names = "--model", paramLabel = "MODEL", description = "Only events of this model.")
    String model;

    @Option(names = "--source", paramLabel = "NAME", description = "Only events of this source.")
    String source;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only events received at or after TIME (2025-01-31, 2025-01-31T10:00 or an ISO instant, UTC).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only events received before TIME (same formats).")
    String until;

    EventFilter toFilter(List<Long> ids) {
        EventFilter f = EventFilter.all();
        if (ids != null && !ids.isEmpty()) {
            f = f.ids(ids.toArray(Long[]::new));
        }
        if (!statuses.isEmpty()) {
            f = f.statuses(statuses.toArray(EventStatus[]::new));
        }
        if (model != null) {
            f = f.model(model);
        }
        if (source != null) {
            f = f.source(source);
        }
        if (since != null || until != null) {
            f = f.received(since == null ? null : instant("--since", since), until == null ? null : instant("--until", until));
        }
        return f;
    }

    static Instant instant(String option, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new CliFailure(ExitCode.USAGE, option + ": cannot read '" + text
                    + "' as a time; use 2025-01-31, 2025-01-31T10:00 or 2025-01-31T10:00:00Z", e);
        }
    }
}
