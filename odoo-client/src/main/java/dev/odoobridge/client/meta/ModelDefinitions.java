package dev.odoobridge.client.meta;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.domain.Domains;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads {@link ModelDefinition}s from a live server or from saved {@code fields_get} JSON
 * (a file {@code <model>.json} holding the result of {@code fields_get}), so builds need no live Odoo.
 */
public final class ModelDefinitions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelDefinitions() {
    }

    /** Parses one saved {@code fields_get} result. */
    public static ModelDefinition fromJson(String model, InputStream json) throws IOException {
        Map<String, Object> fields = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        return ModelDefinition.fromFieldsGet(model, fields);
    }

    /** Loads {@code <dir>/<model>.json} for each model. */
    public static List<ModelDefinition> fromDirectory(Path dir, List<String> models) throws IOException {
        List<ModelDefinition> out = new ArrayList<>();
        for (String model : models) {
            Path file = dir.resolve(model + ".json");
            if (!Files.isRegularFile(file)) {
                throw new IOException("no saved fields_get for " + model + ": expected " + file.toAbsolutePath());
            }
            try (InputStream in = Files.newInputStream(file)) {
                out.add(fromJson(model, in));
            }
        }
        return out;
    }

    /** Saves a model's {@code fields_get} attributes as {@code <dir>/<model>.json}. */
    public static Path save(Path dir, ModelDefinition definition) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> out = new LinkedHashMap<>();
        definition.fields().forEach((name, f) -> out.put(name, f.attributes()));
        Path file = dir.resolve(definition.model() + ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
        return file;
    }

    /**
     * Reads the models from a live server; unknown models fail with the list of similar names
     * found in {@code ir.model}.
     */
    public static List<ModelDefinition> fromServer(OdooClient client, List<String> models) {
        Set<String> known = new TreeSet<>();
        client.model("ir.model").searchRead(Domains.in("model", models), List.of("model"))
                .forEach(r -> known.add(r.getString("model")));
        List<String> missing = new ArrayList<>(models);
        missing.removeAll(known);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("unknown model(s) on " + client.config().url() + ": " + missing
                    + " (is the module installed? `odoo-bridge models list` shows what the server has)");
        }
        List<ModelDefinition> out = new ArrayList<>();
        for (String model : models) {
            out.add(client.model(model).fieldsGet());
        }
        return out;
    }

    /** The models the server has (technical name → description), from {@code ir.model}. */
    public static Map<String, String> listModels(OdooClient client) {
        Map<String, String> out = new java.util.TreeMap<>();
        client.model("ir.model").searchRead(Domains.all(), List.of("model", "name"))
                .forEach(r -> out.put(r.getString("model"), r.getString("name")));
        return out;
    }
}
