package dev.odoobridge.feed.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.feed.ChangeSet;
import dev.odoobridge.feed.FeedColumn;
import dev.odoobridge.feed.FeedConfig;
import dev.odoobridge.feed.FeedException;
import dev.odoobridge.feed.FeedException.Reason;
import dev.odoobridge.feed.FeedTable;
import dev.odoobridge.feed.PushedRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses WatermelonDB's pushed change set and checks it whole against the tables before anything is written: every
 * table known, every record an object with a string id, every column known and of its type. The first problem is
 * reported naming the table, record and column.
 */
final class ChangeSetParser {
    /** Columns a device sends besides the table's: its sync bookkeeping and WatermelonDB's timestamps. */
    private static final Set<String> DEVICE_COLUMNS = Set.of("id", "_status", "_changed", "odoo_id", "created_at", "updated_at");
    private static final Set<String> SECTIONS = Set.of("created", "updated", "deleted");

    private final ObjectMapper json;
    private final FeedConfig config;

    ChangeSetParser(ObjectMapper json, FeedConfig config) {
        this.json = json;
        this.config = config;
    }

    ChangeSet parse(byte[] body) {
        if (body.length > config.maxPushBytes()) {
            throw new FeedException(Reason.TOO_LARGE, "the change set has " + body.length + " bytes, more than the "
                    + config.maxPushBytes() + " allowed; push in smaller batches");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new FeedException(Reason.BAD_REQUEST, "the change set is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FeedException(Reason.BAD_REQUEST, "the change set cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FeedException(Reason.BAD_REQUEST, "the change set must be a JSON object of tables");
        }
        Map<String, ChangeSet.Table> tables = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            FeedTable table = config.table(name).orElseThrow(() -> new FeedException(Reason.BAD_REQUEST,
                    "unknown table '" + name + "'", name, null, null));
            tables.put(name, table(table, e.getValue()));
        }
        return new ChangeSet(tables);
    }

    private ChangeSet.Table table(FeedTable table, JsonNode node) {
        String name = table.name();
        if (!node.isObject()) {
            throw bad(name, null, null, "the changes of table '" + name + "' must be an object {created, updated, deleted}");
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!SECTIONS.contains(f)) {
                throw bad(name, null, f, "table '" + name + "' has an unknown section '" + f + "' (created, updated, deleted)");
            }
        });
        Set<String> seen = new HashSet<>();
        List<PushedRecord> created = records(table, node.get("created"), "created", seen);
        List<PushedRecord> updated = records(table, node.get("updated"), "updated", seen);
        List<String> deleted = new ArrayList<>();
        JsonNode del = node.get("deleted");
        if (del != null && !del.isNull()) {
            if (!del.isArray()) {
                throw bad(name, null, "deleted", "'deleted' of table '" + name + "' must be an array of ids");
            }
            for (JsonNode id : del) {
                if (!id.isTextual() || id.asText().isEmpty()) {
                    throw bad(name, id.toString(), "id", "a deleted id of table '" + name + "' is not a non-empty string: " + id);
                }
                if (!seen.add(id.asText())) {
                    throw bad(name, id.asText(), "id", "record '" + id.asText() + "' of table '" + name + "' appears twice");
                }
                deleted.add(id.asText());
            }
        }
        if (!table.writable() && (!created.isEmpty() || !updated.isEmpty() || !deleted.isEmpty())) {
            throw new FeedException(Reason.READ_ONLY, "table '" + name + "' is read-only; its changes cannot be pushed",
                    name, null, null);
        }
        return new ChangeSet.Table(created, updated, deleted);
    }

    private List<PushedRecord> records(FeedTable table, JsonNode node, String section, Set<String> seen) {
        String name = table.name();
        List<PushedRecord> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw bad(name, null, section, "'" + section + "' of table '" + name + "' must be an array of records");
        }
        for (JsonNode r : node) {
            if (!r.isObject()) {
                throw bad(name, null, null, "a record in '" + section + "' of table '" + name + "' is not an object");
            }
            JsonNode id = r.get("id");
            if (id == null || !id.isTextual() || id.asText().isEmpty()) {
                throw bad(name, id == null ? null : id.toString(), "id", "a record in '" + section + "' of table '" + name
                        + "' has no string id (WatermelonDB ids are strings)");
            }
            String rid = id.asText();
            if (!seen.add(rid)) {
                throw bad(name, rid, "id", "record '" + rid + "' of table '" + name + "' appears twice");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = r.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String col = f.getKey();
                if (col.equals("id") || col.equals("_status") || col.equals("_changed")) {
                    if (!col.equals("id") && !f.getValue().isNull() && !f.getValue().isTextual()) {
                        throw bad(name, rid, col, "record '" + rid + "' of table '" + name + "': " + col + " must be a string");
                    }
                    continue;
                }
                FeedColumn column = table.column(col).orElse(null);
                if (column == null && !DEVICE_COLUMNS.contains(col)) {
                    throw bad(name, rid, col, "record '" + rid + "' of table '" + name + "' has an unknown column '" + col + "'");
                }
                values.put(col, value(name, rid, col, column, f.getValue()));
            }
            Set<String> changed = new LinkedHashSet<>();
            JsonNode ch = r.get("_changed");
            if (section.equals("updated") && ch != null && ch.isTextual() && !ch.asText().isEmpty()) {
                for (String c : ch.asText().split(",")) {
                    if (!c.isEmpty() && table.column(c).isEmpty() && !DEVICE_COLUMNS.contains(c)) {
                        throw bad(name, rid, c, "record '" + rid + "' of table '" + name + "' lists an unknown column '" + c
                                + "' in _changed");
                    }
                    changed.add(c);
                }
            }
            out.add(new PushedRecord(rid, values, changed));
        }
        return out;
    }

    private static Object value(String table, String rid, String col, FeedColumn column, JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        String expected;
        if (column == null) {
            expected = v.isNumber() ? null : "a number"; // odoo_id, created_at, updated_at
            if (expected == null) {
                return v.numberValue();
            }
        } else {
            switch (column.type()) {
                case STRING, REFERENCE -> {
                    if (v.isTextual()) {
                        return v.asText();
                    }
                    expected = "a string";
                }
                case NUMBER, TIMESTAMP, STOCK_ON_HAND -> {
                    if (v.isNumber()) {
                        return v.numberValue();
                    }
                    expected = "a number";
                }
                case BOOLEAN -> {
                    if (v.isBoolean()) {
                        return v.asBoolean();
                    }
                    expected = "a boolean";
                }
                default -> throw new IllegalStateException("unhandled column type " + column.type());
            }
        }
        throw bad(table, rid, col, "record '" + rid + "' of table '" + table + "': column '" + col + "' must be "
                + expected + " or null, got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static FeedException bad(String table, String record, String field, String message) {
        return new FeedException(Reason.BAD_REQUEST, message, table, record, field);
    }
}
