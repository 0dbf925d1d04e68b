package dev.odoobridge.sync.webhook.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.sync.internal.ValueNormalizer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Tells whether a re-read shows the change a webhook post announced. Odoo 17 and 18 post before
 * their transaction commits, so a re-read right after the post often returns the record as it was.
 * The post carries the record's new {@code write_date} with microseconds while reads give whole
 * seconds: a re-read whose {@code write_date} is in an earlier second has not seen the commit; one in
 * a later second has (a later change committed). In the same second the posted field values decide:
 * the re-read shows the change when every posted field it also read has the posted value. A post
 * without {@code write_date} cannot be checked and counts as seen. A record absent from the re-read
 * is gone when the post announced a deletion or the read model holds it (it was committed before);
 * otherwise it may be a create not committed yet (or rolled back). A deletion post whose record is
 * still there has not been committed either.
 */
final class CommitCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WIRE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    /** What a re-read shows of one post. */
    enum Verdict {
        /** The re-read shows the change (or a later one): apply it. */
        SEEN,
        /** The record is gone: delete it. */
        GONE,
        /** The re-read returned the record as it was before the change: not committed yet. */
        OLDER,
        /** The record is not there and never was: a create not committed yet, or rolled back. */
        NOT_YET
    }

    /** A verdict and, for {@link Verdict#OLDER} and {@link Verdict#NOT_YET}, what was seen. */
    record Result(Verdict verdict, String seen) {
    }

    private CommitCheck() {
    }

    /**
     * @param row the re-read record, or null when Odoo did not return it
     * @param unlinkPost this post announced a deletion
     * @param deletion this or another post of the same record in the batch announced a deletion
     * @param stored the read model holds the record
     */
    static Result check(String payload, OdooRecord row, boolean unlinkPost, boolean deletion, boolean stored) {
        JsonNode body = parse(payload);
        if (row != null && unlinkPost) {
            return new Result(Verdict.OLDER, "Odoo still has the record the post said was deleted");
        }
        if (row == null) {
            if (deletion || stored) {
                return new Result(Verdict.GONE, null);
            }
            return new Result(Verdict.NOT_YET, "Odoo does not have the record yet (a create not committed, or rolled back)");
        }
        Instant posted = postedWriteDate(body);
        Instant read = row.getInstant("write_date");
        if (posted == null || read == null) {
            return new Result(Verdict.SEEN, null);
        }
        Instant postedSecond = posted.truncatedTo(ChronoUnit.SECONDS);
        if (read.isAfter(postedSecond)) {
            return new Result(Verdict.SEEN, null);
        }
        String older = "Odoo returned write_date " + read + ", the post announced " + posted;
        if (read.isBefore(postedSecond)) {
            return new Result(Verdict.OLDER, older);
        }
        String differing = firstDifferingField(body, row);
        return differing == null ? new Result(Verdict.SEEN, null)
                : new Result(Verdict.OLDER, older + " and " + differing + " differs from the posted value");
    }

    /** The {@code write_date} a stored post announced, or null when it has none. */
    static Instant postedWriteDate(String payload) {
        return postedWriteDate(parse(payload));
    }

    /** The {@code write_date} of a post, or null when it has none (or an unreadable one). */
    static Instant postedWriteDate(JsonNode body) {
        JsonNode w = body == null ? null : body.get("write_date");
        if (w == null || !w.isTextual()) {
            return null;
        }
        try {
            return LocalDateTime.parse(w.asText(), WIRE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String firstDifferingField(JsonNode body, OdooRecord row) {
        Map<String, Object> values = row.asMap();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = e.getKey();
            if (field.startsWith("_") || field.equals("id") || field.equals("write_date") || !values.containsKey(field)) {
                continue;
            }
            Object posted = JSON.convertValue(e.getValue(), Object.class);
            Object read = values.get(field);
            if (read instanceof Object[] array) {
                read = java.util.Arrays.asList(array);
            }
            if (read instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number && !(posted instanceof List<?>)) {
                read = l.get(0); // a many2one is [id, name] in a read, a bare id in a post
            }
            if (!ValueNormalizer.same(posted, read)) {
                return field;
            }
        }
        return null;
    }

    private static JsonNode parse(String payload) {
        try {
            return payload == null ? null : JSON.readTree(payload);
        } catch (IOException e) {
            return null;
        }
    }
}
