package dev.odoobridge.testkit.internal.orm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the schemas in {@code src/main/resources/dev/odoobridge/testkit/schema/<version>/} were made: one file per
 * served model, holding every field of {@code odoo-recordings/fields_get/<version>/<model>.json} in the same order
 * with only the attributes in {@link #KEPT} (the ones FakeOdoo behaves by and answers in {@code fields_get});
 * {@code help} is kept because tools ask for it (odoo-bridge's {@code models fields} and {@code codegen} do);
 * {@code depends}, {@code domain}, {@code context}, {@code groups}, {@code translate}, {@code trim},
 * {@code sanitize*}, {@code exportable} and the like were dropped to keep the jar small. To refresh them after new
 * recordings, write each dump's fields with the kept attributes, one field per line; this test then passes again.
 * A model served without a recording ({@code RetailSchema.FROM_SOURCE}) is written from Odoo's source; once it is
 * recorded, this test asks for the recording to be used.
 */
class RecordedSchemaResourcesTest {
    static final List<String> KEPT = List.of("name", "type", "string", "relation", "relation_field", "related",
            "store", "required", "readonly", "selection", "searchable", "sortable", "groupable", "manual",
            "company_dependent", "aggregator", "group_operator", "currency_field", "help");
    private static final Path RESOURCES = Path.of("src", "main", "resources", "dev", "odoobridge", "testkit",
            "schema");
    private static final Path DUMPS = Path.of("..", "odoo-recordings", "fields_get");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Map<String, Object>> read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Map<String, Object>>>() {
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void resourcesAreTheRecordedDumpsOnTheKeptAttributes(String version) throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> listing = Files.list(RESOURCES.resolve(version))) {
            listing.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_")).forEach(files::add);
        }
        Set<String> served = new TreeSet<>();
        RetailSchema.MODELS.stream().filter(spec -> RetailSchema.exists(spec.name(), version))
                .forEach(spec -> served.add(spec.name() + ".json"));
        assertThat(files).isEqualTo(served);
        for (String file : files) {
            if (RetailSchema.FROM_SOURCE.contains(version + "/" + file.substring(0, file.length() - ".json".length()))) {
                assertThat(Files.exists(DUMPS.resolve(version).resolve(file))).as("recorded since: compare " + file).isFalse();
                continue;
            }
            Map<String, Map<String, Object>> resource = read(RESOURCES.resolve(version).resolve(file));
            Map<String, Map<String, Object>> dump = read(DUMPS.resolve(version).resolve(file));
            assertThat(List.copyOf(resource.keySet())).as(file).isEqualTo(List.copyOf(dump.keySet()));
            dump.forEach((field, attrs) -> {
                Map<String, Object> trimmed = new LinkedHashMap<>();
                KEPT.forEach(a -> {
                    if (attrs.containsKey(a)) {
                        trimmed.put(a, attrs.get(a));
                    }
                });
                assertThat(resource.get(field)).as("%s %s %s", version, file, field).isEqualTo(trimmed);
            });
        }
        assertThat(Files.readString(RESOURCES.resolve(version).resolve("_installed_modules.json")).trim())
                .isEqualTo(Files.readString(DUMPS.resolve(version).resolve("_installed_modules.json")).trim());
    }
}
