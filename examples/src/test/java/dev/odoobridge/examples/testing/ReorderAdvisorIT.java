package dev.odoobridge.examples.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.FakeOdooTest;
import dev.odoobridge.testkit.RetailDataSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How to test your own Odoo code: {@code @FakeOdooTest} starts an in-process Odoo 19 (the strict FakeOdoo: only the fields a real 19.0 has) with
 * generated retail data for this class and injects it and an admin client. Arrange data through
 * the client (or {@code fake.orm()}), run your code, assert. No Odoo to install, no mocks.
 */
@FakeOdooTest(products = 30)
class ReorderAdvisorIT {

    @Test
    void proposesAProductThatFellBelowItsMinimum(OdooClient odoo, FakeOdoo fake) {
        RetailDataSummary data = fake.data().orElseThrow();
        long warehouse = data.warehouseIds().get(0);
        long stock = data.stockLocationIds().get(0);
        OdooRecord rule = odoo.model("stock.warehouse.orderpoint").searchRead(Domains.eq("warehouse_id", warehouse),
                List.of("product_id", "product_min_qty", "product_max_qty")).get(0);
        long product = rule.getRef("product_id").id();
        // arrange: empty the product's stock in that warehouse
        List<Long> quants = odoo.model("stock.quant").search(Domains.and(Domains.eq("product_id", product),
                Domains.childOf("location_id", stock)));
        odoo.model("stock.quant").write(quants, Map.of("quantity", 0.0));

        List<ReorderAdvisor.Proposal> proposals = new ReorderAdvisor(odoo).proposals(warehouse);

        assertThat(proposals).anySatisfy(p -> {
            assertThat(p.productId()).isEqualTo(product);
            assertThat(p.onHand()).isZero();
            assertThat(p.quantity()).isGreaterThanOrEqualTo(rule.getDouble("product_max_qty"));
        });
        assertThat(proposals).allSatisfy(p -> assertThat(p.onHand()).isLessThan(p.minimum()));
    }

    @Test
    void leavesOutAProductStockedAboveItsMinimum(OdooClient odoo, FakeOdoo fake) {
        RetailDataSummary data = fake.data().orElseThrow();
        long warehouse = data.warehouseIds().get(1);
        OdooRecord rule = odoo.model("stock.warehouse.orderpoint").searchRead(Domains.eq("warehouse_id", warehouse),
                List.of("product_id", "product_min_qty")).get(0);
        long product = rule.getRef("product_id").id();
        // arrange: a big delivery into the warehouse's stock location
        odoo.model("stock.quant").create(Map.of("product_id", product, "location_id", data.stockLocationIds().get(1),
                "quantity", rule.getDouble("product_min_qty") + 1000));

        List<ReorderAdvisor.Proposal> proposals = new ReorderAdvisor(odoo).proposals(warehouse);

        assertThat(proposals).noneMatch(p -> p.productId() == product);
    }
}
