package dev.odoobridge.testkit.internal.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockAndGroupingTest {
    private final Orm t = new Orm();

    private long insert(String model, Map<String, Object> values) {
        return t.orm.insert(model, values);
    }

    @Test
    void stockQuantitiesFromQuantsAndMovesWithWarehouseAndLocationContext() {
        long view1 = insert("stock.location", Map.of("name", "WH", "usage", "view"));
        long stock1 = insert("stock.location", Map.of("name", "Stock", "usage", "internal", "location_id", view1));
        long shelf1 = insert("stock.location", Map.of("name", "Shelf", "usage", "internal", "location_id", stock1));
        long view2 = insert("stock.location", Map.of("name", "WH2", "usage", "view"));
        long stock2 = insert("stock.location", Map.of("name", "Stock", "usage", "internal", "location_id", view2));
        long customers = insert("stock.location", Map.of("name", "Customers", "usage", "customer"));
        long vendors = insert("stock.location", Map.of("name", "Vendors", "usage", "supplier"));
        long wh1 = insert("stock.warehouse", Map.of("name", "Main", "code", "WH", "view_location_id", view1,
                "lot_stock_id", stock1));
        long product = insert("product.product", Map.of("name", "Chair", "is_storable", true));
        insert("stock.quant", Map.of("product_id", product, "location_id", stock1, "quantity", 10.0));
        insert("stock.quant", Map.of("product_id", product, "location_id", shelf1, "quantity", 5.0));
        insert("stock.quant", Map.of("product_id", product, "location_id", stock2, "quantity", 7.0));
        insert("stock.quant", Map.of("product_id", product, "location_id", customers, "quantity", 100.0));
        insert("stock.move", Map.of("product_id", product, "location_id", vendors, "location_dest_id", stock2,
                "product_uom_qty", 4.0, "state", "assigned"));
        insert("stock.move", Map.of("product_id", product, "location_id", stock1, "location_dest_id", customers,
                "product_uom_qty", 3.0, "state", "confirmed"));
        insert("stock.move", Map.of("product_id", product, "location_id", stock1, "location_dest_id", customers,
                "product_uom_qty", 50.0, "state", "done"));
        List<String> fields = List.of("qty_available", "virtual_available", "incoming_qty", "outgoing_qty");
        assertThat(t.searchRead("product.product", List.of(), fields, Map.of()).get(0))
                .containsEntry("qty_available", 22.0).containsEntry("incoming_qty", 4.0)
                .containsEntry("outgoing_qty", 3.0).containsEntry("virtual_available", 23.0);
        assertThat(t.searchRead("product.product", List.of(), fields, Map.of("context", Map.of("warehouse", wh1)))
                .get(0)).containsEntry("qty_available", 15.0).containsEntry("incoming_qty", 0.0)
                .containsEntry("outgoing_qty", 3.0).containsEntry("virtual_available", 12.0);
        assertThat(t.searchRead("product.product", List.of(), fields, Map.of("context", Map.of("location", shelf1)))
                .get(0)).containsEntry("qty_available", 5.0);
        assertThat(t.searchRead("stock.location", List.of(List.of("id", "=", shelf1)), List.of("complete_name",
                "display_name"), Map.of()).get(0)).containsEntry("complete_name", "WH/Stock/Shelf");
    }

    private void salesData() {
        long partner = insert("res.partner", Map.of("name", "C"));
        long desk = insert("product.product", Map.of("name", "Desk", "default_code", "D1"));
        long chair = insert("product.product", Map.of("name", "Chair", "default_code", "C1"));
        long order = insert("sale.order", Map.of("name", "S1", "partner_id", partner, "date_order",
                "2026-11-20 10:00:00"));
        long order2 = insert("sale.order", Map.of("name", "S2", "partner_id", partner, "date_order",
                "2026-12-02 10:00:00"));
        insert("sale.order.line", Map.of("order_id", order, "product_id", desk, "product_uom_qty", 10.0,
                "price_subtotal", 1990.0));
        insert("sale.order.line", Map.of("order_id", order, "product_id", chair, "product_uom_qty", 2.0,
                "price_subtotal", 100.0));
        insert("sale.order.line", Map.of("order_id", order2, "product_id", chair, "product_uom_qty", 3.0,
                "price_subtotal", 150.0));
    }

    @Test
    void formattedReadGroupMatchesTheRecordedShape() {
        salesData();
        Object rows = t.json2("sale.order.line", "formatted_read_group", null, Map.of("domain", List.of(),
                "groupby", List.of("product_id"), "aggregates", List.of("product_uom_qty:sum", "price_subtotal:sum",
                        "__count")));
        assertThat(rows).isEqualTo(List.of(
                Map.of("product_id", List.of(2, "[C1] Chair"), "__extra_domain", List.of(List.of("product_id", "=", 2)),
                        "product_uom_qty:sum", 5.0, "price_subtotal:sum", 250.0, "__count", 2),
                Map.of("product_id", List.of(1, "[D1] Desk"), "__extra_domain", List.of(List.of("product_id", "=", 1)),
                        "product_uom_qty:sum", 10.0, "price_subtotal:sum", 1990.0, "__count", 1)));
        assertThat(((List<?>) rows).get(0)).asString().startsWith("{product_id=[2, [C1] Chair], __extra_domain=");
        Object byMonth = t.json2("sale.order", "formatted_read_group", null, Map.of("domain", List.of(),
                "groupby", List.of("date_order:month"), "aggregates", List.of("__count"), "having",
                List.of(List.of("__count", ">=", 1)), "order", "date_order:month desc"));
        assertThat(byMonth).isEqualTo(List.of(
                Map.of("date_order:month", List.of("2026-12-01 00:00:00", "December 2026"), "__extra_domain",
                        List.of("&", List.of("date_order", ">=", "2026-12-01 00:00:00"),
                                List.of("date_order", "<", "2027-01-01 00:00:00")), "__count", 1),
                Map.of("date_order:month", List.of("2026-11-01 00:00:00", "November 2026"), "__extra_domain",
                        List.of("&", List.of("date_order", ">=", "2026-11-01 00:00:00"),
                                List.of("date_order", "<", "2026-12-01 00:00:00")), "__count", 1)));
    }

    @Test
    void legacyReadGroupMatchesTheRecordedShape() {
        salesData();
        Map<String, Object> kwargs = new HashMap<>();
        kwargs.put("lazy", true);
        Object rows = t.call("sale.order.line", "read_group", List.of(List.of(), List.of("product_uom_qty:sum",
                "price_subtotal:sum"), List.of("product_id")), kwargs);
        assertThat(rows).isEqualTo(List.of(
                Map.of("product_id", List.of(2, "[C1] Chair"), "product_id_count", 2, "product_uom_qty", 5.0,
                        "price_subtotal", 250.0, "__domain", List.of(List.of("product_id", "=", 2))),
                Map.of("product_id", List.of(1, "[D1] Desk"), "product_id_count", 1, "product_uom_qty", 10.0,
                        "price_subtotal", 1990.0, "__domain", List.of(List.of("product_id", "=", 1)))));
        Object days = t.call("sale.order", "read_group", List.of(List.of(List.of("name", "=", "S1")),
                List.of("__count"), List.of("date_order:day")), Map.of("lazy", false));
        assertThat(days).isEqualTo(List.of(Map.of("date_order:day", "20 Nov 2026", "__count", 1, "__range",
                Map.of("date_order:day", Map.of("from", "2026-11-20 00:00:00", "to", "2026-11-21 00:00:00")),
                "__domain", List.of("&", "&", List.of("date_order", ">=", "2026-11-20 00:00:00"),
                        List.of("date_order", "<", "2026-11-21 00:00:00"), List.of("name", "=", "S1")))));
    }

    @Test
    void nameSearchAndCustomFields() {
        long desk = insert("product.product", Map.of("name", "Desk", "default_code", "D1"));
        insert("product.product", Map.of("name", "Chair"));
        assertThat(t.call("product.product", "name_search", List.of("des"), Map.of()))
                .isEqualTo(List.of(List.of((int) desk, "[D1] Desk")));
        t.orm.addField("product.product", "x_threshold", "float");
        t.call("product.product", "write", List.of(List.of((int) desk), Map.of("x_threshold", 4.5)), Map.of());
        assertThat(t.searchRead("product.product", List.of(List.of("x_threshold", ">", 1)), List.of("x_threshold"),
                Map.of())).containsExactly(Map.of("id", (int) desk, "x_threshold", 4.5));
        assertThat(t.searchRead("product.product", List.of(), List.of("x_threshold"), Map.of()).get(1))
                .containsEntry("x_threshold", 0.0);
    }
}
