package dev.odoobridge.testkit.internal.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written behaviour on top of the recorded schema, and fields without behaviour reading as empty. */
class BehaviourOverSchemaTest {
    private static final Instant NOW = Instant.parse("2026-11-21T19:14:41Z");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(FakeOrm orm, String model, long id, String... fields) {
        return ((List<Map<String, Object>>) orm.execute(new OrmRequest(model, "read", null,
                List.of(List.of(id), List.of(fields)), Map.of(), 2))).get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void variantsShareTheirTemplateAndLinesFollowTheirOrder(String version) {
        FakeOrm orm = new FakeOrm(Clock.fixed(NOW, ZoneOffset.UTC), OdooRelease.of(version));
        long vendor = orm.insert("res.partner", Map.of("name", "Vendor"));
        long customer = orm.insert("res.partner", Map.of("name", "Customer"));
        long product = orm.insert("product.product", Map.of("name", "Chair", "default_code", "CH-1",
                "list_price", 12.5));
        long template = ((Number) ((List<?>) read(orm, "product.product", product, "product_tmpl_id")
                .get("product_tmpl_id")).get(0)).longValue();
        long info = orm.insert("product.supplierinfo", Map.of("partner_id", vendor, "product_tmpl_id", template));
        long order = orm.insert("sale.order", Map.of("name", "S00001", "partner_id", customer, "state", "sale"));
        long line = orm.insert("sale.order.line", Map.of("order_id", order, "product_id", product, "name", "Chair"));

        assertThat(read(orm, "product.product", product, "seller_ids", "display_name", "list_price", "barcode"))
                .containsEntry("seller_ids", List.of((int) info)).containsEntry("display_name", "[CH-1] Chair")
                .containsEntry("list_price", 12.5).containsEntry("barcode", false);
        assertThat(read(orm, "sale.order.line", line, "state", "order_partner_id", "price_subtotal"))
                .containsEntry("state", "sale")
                .containsEntry("order_partner_id", List.of((int) customer, "Customer"))
                .containsEntry("price_subtotal", 0.0);
        assertThat(read(orm, "sale.order", order, "order_line", "amount_total", "note", "currency_id"))
                .containsEntry("order_line", List.of((int) line)).containsEntry("amount_total", 0.0)
                .containsEntry("note", false).containsEntry("currency_id", false);
    }
}
