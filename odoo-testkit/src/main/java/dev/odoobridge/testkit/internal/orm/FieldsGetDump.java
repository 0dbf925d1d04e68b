package dev.odoobridge.testkit.internal.orm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A saved answer of {@code fields_get} for one model: field name to attributes, in the server's order. The
 * schemas recorded on real servers ship as resources {@code dev/odoobridge/testkit/schema/<version>/<model>.json};
 * users add their own (the files {@code odoo-bridge codegen --save-json} writes).
 */
final class FieldsGetDump {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCES = "/dev/odoobridge/testkit/schema/";
    private static final Map<String, Map<String, Map<String, Object>>> RECORDED = new ConcurrentHashMap<>();

    private FieldsGetDump() {
    }

    /**
     * The schema of {@code model} recorded on a real server of {@code version}.
     *
     * @throws IllegalStateException when it is not recorded
     */
    static Map<String, Map<String, Object>> recorded(String version, String model) {
        String resource = RESOURCES + version + "/" + model + ".json";
        return new LinkedHashMap<>(RECORDED.computeIfAbsent(resource, r -> load(model, r)));
    }

    private static Map<String, Map<String, Object>> load(String model, String resource) {
        try (InputStream in = FieldsGetDump.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no recorded schema of " + model + " (" + resource + ")");
            }
            Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
            parse(model, JSON.readTree(in), resource).forEach((name, attrs) -> fields.put(name,
                    Collections.unmodifiableMap(attrs)));
            return Collections.unmodifiableMap(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Every {@code <model>.json} of a directory, by model name (file name without {@code .json}).
     *
     * @throws IllegalArgumentException for a missing directory, unreadable or malformed JSON, a field without a
     *                                  known type, or a relational field without its comodel
     */
    static Map<String, Map<String, Map<String, Object>>> directory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("schema directory " + dir.toAbsolutePath() + " does not exist");
        }
        Map<String, Map<String, Map<String, Object>>> out = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith("_")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list schema directory " + dir.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("schema directory " + dir.toAbsolutePath()
                    + " holds no <model>.json (saved fields_get, as `odoo-bridge codegen --save-json` writes)");
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String model = name.substring(0, name.length() - ".json".length());
            JsonNode tree;
            try {
                tree = JSON.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage()
                        + " (line " + e.getLocation().getLineNr() + ")", e);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
            }
            out.put(model, parse(model, tree, file.toString()));
        }
        return out;
    }

    private static Map<String, Map<String, Object>> parse(String model, JsonNode tree, String source) {
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException(source + " must hold a JSON object of fields (the result of "
                    + model + ".fields_get)");
        }
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        var it = tree.fields();
        while (it.hasNext()) {
            var entry = it.next();
            if (!entry.getValue().isObject()) {
                throw new IllegalArgumentException(source + ": field " + entry.getKey()
                        + " must be an object of attributes");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> attrs = JSON.convertValue(entry.getValue(), LinkedHashMap.class);
            Object type = attrs.get("type");
            if (!(type instanceof String t)) {
                throw new IllegalArgumentException(source + ": field " + entry.getKey() + " has no type");
            }
            FieldType fieldType;
            try {
                fieldType = FieldType.ofWireName(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": field " + entry.getKey() + " has an unknown type '"
                        + t + "'", e);
            }
            if (fieldType.relational() && !(attrs.get("relation") instanceof String)) {
                throw new IllegalArgumentException(source + ": " + t + " field " + entry.getKey()
                        + " has no relation (its comodel)");
            }
            fields.put(entry.getKey(), attrs);
        }
        return fields;
    }
}
