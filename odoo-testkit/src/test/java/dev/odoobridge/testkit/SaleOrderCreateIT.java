package dev.odoobridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.value.Command;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A quotation created through RPC gets its number from the sales sequence and its amounts from its lines. */
class SaleOrderCreateIT {

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void aCreatedQuotationIsNumberedAndTotalled(String version) {
        try (FakeOdoo fake = FakeOdoo.builder().version(version).products(5).build().start();
             OdooClient odoo = fake.client(Transport.XMLRPC)) {
            long partner = odoo.model("res.partner").create(Map.of("name", "Customer"));
            long product = odoo.model("product.product").search(dev.odoobridge.client.domain.Domains.all()).get(0);
            long order = odoo.model("sale.order").create(Map.of("partner_id", partner, "order_line", List.of(
                    Command.create(Map.of("product_id", product, "product_uom_qty", 2, "price_unit", 10.25)).toWire(),
                    Command.create(Map.of("product_id", product, "product_uom_qty", 1, "price_unit", 4.0)).toWire())));
            long named = odoo.model("sale.order").create(Map.of("partner_id", partner, "name", "Kept name"));

            OdooRecord o = odoo.model("sale.order").read(List.of(order), List.of("name", "amount_untaxed", "amount_total",
                    "order_line")).get(0);
            assertThat(o.getString("name")).isEqualTo(String.format("S%05d", order));
            assertThat(o.getDouble("amount_untaxed")).isEqualTo(24.5);
            assertThat(o.getDouble("amount_total")).isEqualTo(24.5);
            assertThat(odoo.model("sale.order.line").read(o.getIds("order_line"), List.of("price_subtotal")))
                    .extracting(l -> l.getDouble("price_subtotal")).containsExactlyInAnyOrder(20.5, 4.0);
            assertThat(odoo.model("sale.order").read(List.of(named), List.of("name")).get(0).getString("name"))
                    .isEqualTo("Kept name");

            odoo.model("sale.order.line").create(Map.of("order_id", named, "product_id", product, "price_unit", 3.0));
            assertThat(odoo.model("sale.order").read(List.of(named), List.of("amount_total")).get(0).getDouble("amount_total"))
                    .isEqualTo(3.0);
        }
    }
}
