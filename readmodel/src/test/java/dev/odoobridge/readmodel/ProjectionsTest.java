package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionsTest {
    private static final List<String> UNTRACKED = List.of("child_ids", "child_id", "seller_ids", "product_variant_ids",
            "order_line", "qty_available", "virtual_available", "incoming_qty", "outgoing_qty");

    @Test
    void builtInProjectionsHoldOnlyFieldsTrackedByWriteDate() {
        for (Projection p : Projections.retail()) {
            assertThat(p.fields()).as(p.model()).doesNotContainAnyElementsOf(UNTRACKED).contains("write_date");
        }
    }

    @Test
    void productKeepsItsTemplateFieldsAndDropsComputedStock() {
        assertThat(Projections.of("product.product").fields())
                .contains("product_tmpl_id", "name", "default_code", "list_price", "categ_id", "active")
                .doesNotContain("qty_available", "seller_ids");
        assertThat(Projections.untrackedFields("product.product"))
                .containsExactly("seller_ids", "qty_available", "virtual_available", "incoming_qty", "outgoing_qty");
    }

    @Test
    void untrackedFieldsCanBeAddedBackKnowingly() {
        Projection partner = Projections.of("res.partner");
        assertThat(Projections.untrackedFields("res.partner")).containsExactly("child_ids");
        assertThat(partner.withExtraFields(Projections.untrackedFields("res.partner")).fields())
                .endsWith("child_ids").contains("parent_id");
        assertThat(Projections.untrackedFields("stock.quant")).isEmpty();
        assertThatThrownBy(() -> Projections.untrackedFields("x.unknown"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.unknown");
    }
}
