package dev.odoobridge.testkit.internal.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's saved fields_get adds custom fields and models; bad input is a clear error. */
class OwnSchemaTest {
    private static final Instant NOW = Instant.parse("2026-11-21T19:14:41Z");
    @TempDir
    Path dir;

    private FakeOrm orm(Path schema) {
        return new FakeOrm(Clock.fixed(NOW, ZoneOffset.UTC), OdooRelease.DEFAULT, schema);
    }

    private Object call(FakeOrm orm, String model, String method, List<Object> args, Map<String, Object> kwargs) {
        return orm.execute(new OrmRequest(model, method, null, args, kwargs, 2));
    }

    @Test
    @SuppressWarnings("unchecked")
    void customFieldsAndModelsOfTheSavedSchemaAreServed() throws IOException {
        Files.writeString(dir.resolve("product.template.json"), """
                {"name": {"type": "char", "string": "Name", "store": true, "required": true},
                 "x_shelf": {"type": "char", "string": "Shelf", "store": true, "manual": true},
                 "x_supplier_grade": {"type": "selection", "string": "Grade", "store": true,
                                      "selection": [["a", "A"], ["b", "B"]]},
                 "x_brand_id": {"type": "many2one", "string": "Brand", "relation": "x_brand", "store": true}}
                """);
        Files.writeString(dir.resolve("x_brand.json"), """
                {"id": {"type": "integer", "string": "ID", "store": true, "readonly": true},
                 "display_name": {"type": "char", "string": "Display Name", "store": false, "readonly": true},
                 "x_name": {"type": "char", "string": "Name", "store": true},
                 "name": {"type": "char", "string": "Name", "store": true}}
                """);
        FakeOrm orm = orm(dir);
        int brand = ((Number) call(orm, "x_brand", "create", List.of(Map.of("name", "Acme")), Map.of())).intValue();
        int product = ((Number) call(orm, "product.template", "create", List.of(Map.of("name", "Chair",
                "x_shelf", "B4", "x_supplier_grade", "a", "x_brand_id", brand)), Map.of())).intValue();

        Map<String, Object> read = ((List<Map<String, Object>>) call(orm, "product.template", "read",
                List.of(List.of(product), List.of("x_shelf", "x_supplier_grade", "x_brand_id", "list_price")),
                Map.of())).get(0);
        assertThat(read).containsEntry("x_shelf", "B4").containsEntry("x_supplier_grade", "a")
                .containsEntry("x_brand_id", List.of(brand, "Acme")).containsEntry("list_price", 0.0);
        Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) call(orm, "product.template",
                "fields_get", List.of(List.of("x_shelf", "name")), Map.of("attributes", List.of("type", "string")));
        assertThat(fields.get("x_shelf")).isEqualTo(Map.of("type", "char", "string", "Shelf"));
        assertThat(fields.get("name")).isEqualTo(Map.of("type", "char", "string", "Name"));
        assertThatThrownBy(() -> call(orm, "product.template", "write", List.of(List.of(product),
                Map.of("x_supplier_grade", "z")), Map.of())).isInstanceOf(OrmFault.class);
        assertThat(orm.ids("ir.model", List.of(List.of("model", "=", "x_brand")))).hasSize(1);
    }

    @Test
    void missingDirectoryIsAClearError() {
        assertThatThrownBy(() -> orm(dir.resolve("nope"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope").hasMessageContaining("does not exist");
    }

    @Test
    void emptyDirectoryIsAClearError() {
        assertThatThrownBy(() -> orm(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no <model>.json");
    }

    @Test
    void malformedJsonIsAClearError() throws IOException {
        Files.writeString(dir.resolve("res.partner.json"), "{\"x_a\": {\"type\": \"char\",}");
        assertThatThrownBy(() -> orm(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("res.partner.json is not valid JSON");
    }

    @Test
    void unknownTypeIsAClearError() throws IOException {
        Files.writeString(dir.resolve("res.partner.json"), "{\"x_a\": {\"type\": \"vector\", \"string\": \"A\"}}");
        assertThatThrownBy(() -> orm(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field x_a has an unknown type 'vector'");
    }

    @Test
    void relationalFieldWithoutComodelIsAClearError() throws IOException {
        Files.writeString(dir.resolve("res.partner.json"), "{\"x_a\": {\"type\": \"many2one\", \"string\": \"A\"}}");
        assertThatThrownBy(() -> orm(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("many2one field x_a has no relation");
    }

    @Test
    void notAnObjectIsAClearError() throws IOException {
        Files.writeString(dir.resolve("res.partner.json"), "[1, 2]");
        assertThatThrownBy(() -> orm(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must hold a JSON object of fields");
    }
}
