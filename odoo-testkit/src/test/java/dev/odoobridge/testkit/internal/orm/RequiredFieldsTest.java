package dev.odoobridge.testkit.internal.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Required fields without a default are refused with the version's recorded ValidationError; others get Odoo's default. */
class RequiredFieldsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T19:14:41Z");

    private static FakeOrm orm(String version) {
        return new FakeOrm(Clock.fixed(NOW, ZoneOffset.UTC), OdooRelease.of(version));
    }

    private static Object call(FakeOrm orm, String model, String method, List<Object> args) {
        return orm.execute(new OrmRequest(model, method, null, args, Map.of(), 2));
    }

    @SuppressWarnings("unchecked")
    private static String recordedMessage(String version) throws IOException {
        Path dir = Path.of("..", "odoo-recordings", "conformance", version);
        try (Stream<Path> files = Files.list(dir)) {
            Path response = files.filter(p -> p.getFileName().toString()
                    .endsWith("-jsonrpc-create-required-missing.response.json")).findFirst().orElseThrow();
            Map<String, Object> body = new ObjectMapper().readValue(response.toFile(), Map.class);
            return (String) ((Map<String, Object>) ((Map<String, Object>) body.get("error")).get("data")).get("message");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void supplierInfoWithoutVendorIsTheRecordedValidationError(String version) throws IOException {
        FakeOrm orm = orm(version);
        long template = orm.insert("product.template", Map.of("name", "Chair"));
        int before = orm.count("product.supplierinfo");

        assertThatThrownBy(() -> call(orm, "product.supplierinfo", "create", List.of(Map.of("product_tmpl_id",
                template, "price", 3.0, "min_qty", 1))))
                .isInstanceOfSatisfying(OrmFault.class, fault -> {
                    assertThat(fault.kind()).isEqualTo(FaultKind.VALIDATION_ERROR);
                    try {
                        assertThat(fault.getMessage()).isEqualTo(recordedMessage(version));
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                });
        assertThat(orm.count("product.supplierinfo")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0"})
    void stockMoveNameIsRequiredBefore19(String version) {
        FakeOrm orm = orm(version);
        long product = orm.insert("product.product", Map.of("name", "Chair"));
        long from = orm.insert("stock.location", Map.of("name", "A"));
        long to = orm.insert("stock.location", Map.of("name", "B"));
        Map<String, Object> move = Map.of("product_id", product, "location_id", from, "location_dest_id", to);

        assertThatThrownBy(() -> call(orm, "stock.move", "create", List.of(move)))
                .isInstanceOf(OrmFault.class).hasMessageContaining("(name)");
        Map<String, Object> named = new java.util.HashMap<>(move);
        named.put("name", "Chair");
        assertThat(call(orm, "stock.move", "create", List.of(named))).isInstanceOf(Number.class);
    }

    @Test
    void stockMoveHasNoNameOn19() {
        FakeOrm orm = orm("19.0");
        long product = orm.insert("product.product", Map.of("name", "Chair"));
        long from = orm.insert("stock.location", Map.of("name", "A"));
        long to = orm.insert("stock.location", Map.of("name", "B"));
        assertThat(call(orm, "stock.move", "create", List.of(Map.of("product_id", product, "location_id", from,
                "location_dest_id", to)))).isInstanceOf(Number.class);
        assertThatThrownBy(() -> call(orm, "stock.move", "create", List.of(Map.of("product_id", product,
                "location_id", from, "location_dest_id", to, "name", "Chair")))).isInstanceOf(OrmFault.class)
                .hasMessageContaining("name");
    }

    @Test
    void writingARequiredFieldEmptyIsRefusedToo() {
        FakeOrm orm = orm("19.0");
        long partner = orm.insert("res.partner", Map.of("name", "Vendor"));
        long template = orm.insert("product.template", Map.of("name", "Chair"));
        long info = orm.insert("product.supplierinfo", Map.of("partner_id", partner, "product_tmpl_id", template));
        assertThatThrownBy(() -> orm.execute(new OrmRequest("product.supplierinfo", "write", null,
                List.of(List.of(info), Map.of("partner_id", false)), Map.of(), 2)))
                .isInstanceOf(OrmFault.class).hasMessageContaining("'Vendor' (partner_id)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void leftOutFieldsGetOdoosDefaults() {
        FakeOrm orm = orm("19.0");
        long partner = orm.insert("res.partner", Map.of("name", "Vendor"));
        long template = orm.insert("product.template", Map.of("name", "Chair"));
        long info = orm.insert("product.supplierinfo", Map.of("partner_id", partner, "product_tmpl_id", template));
        Map<String, Object> read = ((List<Map<String, Object>>) call(orm, "product.supplierinfo", "read",
                List.of(List.of(info), List.of("delay", "min_qty", "price")))).get(0);
        assertThat(read).containsEntry("delay", 1).containsEntry("min_qty", 0.0).containsEntry("price", 0.0);
        Map<String, Object> product = ((List<Map<String, Object>>) call(orm, "product.template", "read",
                List.of(List.of(template), List.of("type", "tracking", "is_storable", "sale_ok", "description")))).get(0);
        assertThat(product).containsEntry("type", "consu").containsEntry("tracking", "none")
                .containsEntry("is_storable", false).containsEntry("sale_ok", true).containsEntry("description", false);
    }
}
