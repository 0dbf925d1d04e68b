package dev.odoobridge.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An in-memory {@link RecordSink} for tests that rejects anything a real Odoo of one version would not hold:
 * unknown models or fields, wrongly typed values, selection values outside the choices, and
 * references to records that do not exist (yet). Ids count up per model from 1; res.users 2
 * (the admin) exists from the start. Keeps every record and a running SHA-256 of the stream.
 */
final class SchemaCheckingSink implements RecordSink {

    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Map<String, Map<String, RetailSchema.Field>> schema;
    private final Map<String, Map<Long, Map<String, Object>>> records = new HashMap<>();
    private final MessageDigest digest;

    /** A sink checking against the schema of Odoo 19.0 without product_expiry (the generator's default). */
    SchemaCheckingSink() {
        this("19.0", false);
    }

    /** A sink checking against the recorded schema of {@code version}, with or without product_expiry. */
    SchemaCheckingSink(String version, boolean productExpiry) {
        schema = RetailSchema.models(version, productExpiry);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        records.computeIfAbsent("res.users", m -> new LinkedHashMap<>()).put(2L, Map.of("login", "admin"));
    }

    @Override
    public long insert(String model, Map<String, Object> values) {
        Map<String, RetailSchema.Field> fields = schema.get(model);
        if (fields == null) {
            throw new AssertionError("unknown model " + model);
        }
        values.forEach((name, value) -> check(model, name, value, fields.get(name)));
        Map<Long, Map<String, Object>> table = records.computeIfAbsent(model, m -> new LinkedHashMap<>());
        long id = table.size() + 1L;
        Map<String, Object> copy = new HashMap<>(values);
        copy.put("id", id);
        table.put(id, copy);
        digest.update((model + '#' + id + new TreeMap<>(values)).getBytes(StandardCharsets.UTF_8));
        return id;
    }

    private void check(String model, String name, Object value, RetailSchema.Field field) {
        String where = model + "." + name;
        if (field == null) {
            throw new AssertionError("field " + where + " is not in the retail schema");
        }
        if (value == null) {
            throw new AssertionError(where + " is null; omit empty fields instead");
        }
        switch (field.kind()) {
            case "char" -> expect(where, value, String.class);
            case "bool" -> expect(where, value, Boolean.class);
            case "int" -> expect(where, value, Integer.class);
            case "float" -> expect(where, value, Double.class);
            case "datetime" -> matches(where, value, DATETIME);
            case "date" -> matches(where, value, DATE);
            case "selection" -> {
                if (!field.choices().contains(value)) {
                    throw new AssertionError(where + " = " + value + " is not one of " + field.choices());
                }
            }
            case "m2o" -> exists(where, field.target(), expect(where, value, Long.class));
            case "x2m" -> {
                for (Object id : expect(where, value, List.class)) {
                    exists(where, field.target(), expect(where, id, Long.class));
                }
            }
            default -> throw new AssertionError("unknown kind " + field.kind());
        }
    }

    private static <T> T expect(String where, Object value, Class<T> type) {
        if (!type.isInstance(value)) {
            throw new AssertionError(where + " must be a " + type.getSimpleName() + ", got "
                    + value.getClass().getSimpleName() + " " + value);
        }
        return type.cast(value);
    }

    private static void matches(String where, Object value, Pattern pattern) {
        if (!(value instanceof String text) || !pattern.matcher(text).matches()) {
            throw new AssertionError(where + " = " + value + " is not in wire format " + pattern);
        }
    }

    private void exists(String where, String target, long id) {
        Map<Long, Map<String, Object>> table = records.get(target);
        if (table == null || !table.containsKey(id)) {
            throw new AssertionError(where + " refers to " + target + " " + id + ", which does not exist");
        }
    }

    /** Records of {@code model} in insertion order (empty when none). */
    List<Map<String, Object>> all(String model) {
        return new ArrayList<>(records.getOrDefault(model, Map.of()).values());
    }

    /** The record {@code model} {@code id}; fails when missing. */
    Map<String, Object> get(String model, long id) {
        Map<String, Object> record = records.getOrDefault(model, Map.of()).get(id);
        if (record == null) {
            throw new AssertionError(model + " " + id + " does not exist");
        }
        return record;
    }

    /** Hex SHA-256 of every insert so far (model, id and sorted values). */
    String hash() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
    }
}
