package dev.odoobridge.testkit.internal.orm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FakeOdoo's schema is the real one: for every version and served model, {@code fields_get} has exactly the fields
 * of the server recorded in {@code odoo-recordings/fields_get/<version>/}, with the same type, relation, inverse,
 * selection, store, required and readonly; module fields follow the installed modules; and {@code fields_get}
 * answers requested fields and attributes as the conformance recordings show.
 */
class SchemaConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RECORDINGS = Path.of("..", "odoo-recordings");
    private static final List<String> COMPARED = List.of("type", "string", "relation", "relation_field", "store",
            "required", "readonly", "selection", "related");
    private static final Instant NOW = Instant.parse("2026-11-21T19:14:41Z");

    private static Map<String, Map<String, Object>> dump(String version, String model) {
        return read(RECORDINGS.resolve("fields_get").resolve(version).resolve(model + ".json"));
    }

    private static Map<String, Map<String, Object>> read(Path file) {
        try {
            return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Map<String, Object>>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> fieldsGet(FakeOrm orm, String model, List<Object> args,
            Map<String, Object> kwargs) {
        return (Map<String, Map<String, Object>>) orm.execute(new OrmRequest(model, "fields_get", null, args, kwargs,
                2));
    }

    private static FakeOrm orm(OdooRelease release) {
        return new FakeOrm(Clock.fixed(NOW, ZoneOffset.UTC), release);
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void everyServedModelHasExactlyTheRecordedFieldsWithTheirAttributes(String version) {
        FakeOrm orm = orm(OdooRelease.of(version));
        SoftAssertions soft = new SoftAssertions();
        for (RetailSchema.Spec spec : RetailSchema.MODELS) {
            if (!RetailSchema.exists(spec.name(), version) || RetailSchema.FROM_SOURCE.contains(version + "/" + spec.name())) {
                continue;
            }
            Map<String, Map<String, Object>> recorded = dump(version, spec.name());
            Map<String, Map<String, Object>> ours = fieldsGet(orm, spec.name(), List.of(), Map.of());
            soft.assertThat(ours.keySet()).as("%s %s fields", version, spec.name())
                    .containsExactlyInAnyOrderElementsOf(recorded.keySet());
            ours.forEach((field, attrs) -> {
                Map<String, Object> real = recorded.get(field);
                if (real != null) {
                    for (String attribute : COMPARED) {
                        soft.assertThat(attrs.get(attribute)).as("%s %s.%s %s", version, spec.name(), field,
                                attribute).isEqualTo(real.get(attribute));
                    }
                }
            });
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0"})
    void withoutProductExpiryTheLotDatesAreGone(String version) {
        FakeOrm orm = orm(OdooRelease.of(version).without(Set.of("product_expiry")));
        Map<String, Map<String, Object>> lot = fieldsGet(orm, "stock.lot", List.of(), Map.of());
        assertThat(lot).doesNotContainKeys("expiration_date", "use_date", "removal_date", "alert_date",
                "use_expiration_date", "product_expiry_alert");
        assertThat(fieldsGet(orm, "product.template", List.of(), Map.of())).doesNotContainKeys("use_expiration_date",
                "expiration_time", "use_time", "removal_time", "alert_time");
        assertThat(fieldsGet(orm, "stock.quant", List.of(), Map.of())).doesNotContainKeys("expiration_date",
                "removal_date");
        assertThat(dump(version, "stock.lot")).containsKeys("expiration_date", "use_date", "removal_date",
                "alert_date");
        assertThat(lot.keySet()).isSubsetOf(dump(version, "stock.lot").keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"19.0"})
    void productExpiryOn19BringsTheFieldsOf18(String version) {
        FakeOrm orm = orm(OdooRelease.of(version).with(Set.of("product_expiry")));
        Map<String, Map<String, Object>> real = dump("18.0", "stock.lot");
        Map<String, Map<String, Object>> lot = fieldsGet(orm, "stock.lot", List.of(), Map.of());
        for (String field : List.of("expiration_date", "use_date", "removal_date", "alert_date")) {
            assertThat(lot.get(field).get("type")).isEqualTo(real.get(field).get("type"));
            assertThat(lot.get(field).get("string")).isEqualTo(real.get(field).get("string"));
        }
        assertThat(dump(version, "stock.lot")).doesNotContainKey("expiration_date");
        assertThat(fieldsGet(orm, "product.template", List.of(), Map.of())).containsKeys("use_expiration_date",
                "expiration_time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void moduleTableNamesFieldsTheRecordedServersHaveWithTheModuleAndNotWithout(String version) {
        for (ModuleFields.Owned owned : ModuleFields.TABLE) {
            boolean installed = RecordedModules.of(version).contains(owned.module());
            owned.fields().forEach((model, fields) -> assertThat(dump(version, model).keySet().containsAll(fields))
                    .as("%s %s has the %s fields %s", version, model, owned.module(), fields).isEqualTo(installed));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void requestedAttributesAndFieldListAnswerAsRecorded(String version) {
        FakeOrm orm = orm(OdooRelease.of(version));
        for (String scenario : List.of("fields_get-attributes", "fields_get-field-list")) {
            Path meta = conformance(version, "-jsonrpc-" + scenario + ".meta.json");
            Map<String, Object> call = readObject(meta);
            Map<String, Object> response = readObject(Path.of(meta.toString().replace(".meta.json",
                    ".response.json")));
            @SuppressWarnings("unchecked")
            Map<String, Object> kwargs = (Map<String, Object>) call.get("kwargs");
            @SuppressWarnings("unchecked")
            List<Object> args = (List<Object>) call.get("args");
            assertThat((Object) fieldsGet(orm, (String) call.get("model"), args, kwargs)).as("%s %s", version, scenario)
                    .isEqualTo(response.get("result"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void fullAnswerUsesOnlyAttributesARealServerAnswers(String version) {
        Path meta = conformance(version, "-jsonrpc-fields_get-full.meta.json");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> full = (Map<String, Map<String, Object>>) readObject(Path.of(
                meta.toString().replace(".meta.json", ".response.json"))).get("result");
        Set<String> realAttributes = new TreeSet<>();
        full.values().forEach(attrs -> realAttributes.addAll(attrs.keySet()));
        FakeOrm orm = orm(OdooRelease.of(version));
        Map<String, Map<String, Object>> ours = fieldsGet(orm, "res.partner", List.of(), Map.of());
        Map<String, Map<String, Object>> recorded = dump(version, "res.partner");
        ours.forEach((field, attrs) -> {
            assertThat(attrs.keySet()).as(field).isSubsetOf(recorded.get(field).keySet());
            assertThat(attrs).as(field).containsKeys("type", "string", "store", "readonly", "required", "searchable",
                    "sortable");
            attrs.forEach((name, value) -> assertThat(value).as("%s.%s", field, name)
                    .isEqualTo(recorded.get(field).get(name)));
        });
        assertThat(realAttributes).contains("type", "string", "store", "readonly", "required");
    }

    private static Path conformance(String version, String suffix) {
        try (Stream<Path> files = Files.list(RECORDINGS.resolve("conformance").resolve(version))) {
            List<Path> found = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .toList());
            assertThat(found).as("%s *%s", version, suffix).hasSize(1);
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> readObject(Path file) {
        try {
            return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
