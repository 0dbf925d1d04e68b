package dev.odoobridge.testkit.internal.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** stock.quant in inventory mode: the count goes on the existing quant, applying it sets the quantity on hand. */
class InventoryModeTest {
    private static final Map<String, Object> INVENTORY_MODE = Map.of("context", Map.of("inventory_mode", true));
    private final Orm t = new Orm();

    @Test
    void createCountsOnTheExistingQuantAndApplyMakesItTheQuantity() {
        int product = t.create("product.product", Map.of("name", "Oat Drink"));
        int location = t.create("stock.location", Map.of("name", "Shelf"));
        int quant = t.create("stock.quant", Map.of("product_id", product, "location_id", location, "quantity", 3.0));
        Object counted = t.call("stock.quant", "create", List.of(Map.of("product_id", product, "location_id", location,
                "inventory_quantity", 20.0)), INVENTORY_MODE);
        assertThat(counted).isEqualTo(quant);
        assertThat(t.searchRead("stock.quant", List.of(), List.of("quantity", "inventory_quantity",
                "inventory_quantity_set"), Map.of())).containsExactly(Map.of("id", quant, "quantity", 3.0,
                "inventory_quantity", 20.0, "inventory_quantity_set", true));
        assertThat(t.call("stock.quant", "action_apply_inventory", List.of(List.of(quant)), INVENTORY_MODE)).isNull();
        assertThat(t.searchRead("stock.quant", List.of(), List.of("quantity", "inventory_quantity_set"), Map.of()))
                .containsExactly(Map.of("id", quant, "quantity", 20.0, "inventory_quantity_set", false));
    }

    @Test
    void withoutAQuantTheCountMakesOneAndWithoutInventoryModeCreateIsPlain() {
        int product = t.create("product.product", Map.of("name", "Oat Drink"));
        int location = t.create("stock.location", Map.of("name", "Shelf"));
        Object counted = t.call("stock.quant", "create", List.of(Map.of("product_id", product, "location_id", location,
                "inventory_quantity", 5.0)), INVENTORY_MODE);
        Object plain = t.call("stock.quant", "create", List.of(Map.of("product_id", product, "location_id", location,
                "inventory_quantity", 5.0)), Map.of());
        assertThat(plain).isNotEqualTo(counted);
        assertThat(t.search("stock.quant", List.of())).hasSize(2);
    }
}
