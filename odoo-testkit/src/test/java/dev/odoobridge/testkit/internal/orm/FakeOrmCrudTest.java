package dev.odoobridge.testkit.internal.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeOrmCrudTest {
    private final Orm t = new Orm();

    @Test
    void createWithDictReturnsIdAndWithListReturnsIds() {
        Object single = t.call("res.partner", "create", List.of(Map.of("name", "A", "email", "a@x")), Map.of());
        Object many = t.call("product.product", "create", List.of(List.of(Map.of("name", "P1", "list_price", 1.5),
                Map.of("name", "P2", "default_code", "REC-B"))), Map.of());
        Object json2 = t.json2("res.partner", "create", null, Map.of("vals_list", List.of(Map.of("name", "B"))));
        assertThat(single).isEqualTo(1);
        assertThat(many).isEqualTo(List.of(1, 2));
        assertThat(json2).isEqualTo(List.of(2));
    }

    @Test
    void readReturnsOdooWireValues() {
        int parent = t.create("res.partner", Map.of("name", "Acme", "is_company", true));
        int child = t.create("res.partner", Map.of("name", "Jo", "parent_id", parent));
        List<Map<String, Object>> rows = t.searchRead("res.partner", List.of(List.of("id", "=", child)),
                List.of("name", "email", "parent_id", "child_ids", "supplier_rank", "write_date", "display_name"),
                Map.of());
        assertThat(rows).containsExactly(Map.of("id", child, "name", "Jo", "email", false, "parent_id",
                List.of(parent, "Acme"), "child_ids", List.of(), "supplier_rank", 0, "write_date",
                "2026-11-21 19:14:41", "display_name", "Acme, Jo"));
        assertThat(rows.get(0).keySet()).first().isEqualTo("id");
        assertThat(t.call("res.partner", "read", List.of(List.of(parent), List.of("child_ids")), Map.of()))
                .isEqualTo(List.of(Map.of("id", parent, "child_ids", List.of(child))));
    }

    @Test
    void writeAndUnlinkAndMissingRecords() {
        int id = t.create("res.partner", Map.of("name", "A"));
        assertThat(t.call("res.partner", "write", List.of(List.of(id), Map.of("name", "B")), Map.of()))
                .isEqualTo(true);
        assertThat(t.call("res.partner", "read", List.of(List.of(id, 999999), List.of("name")), Map.of()))
                .isEqualTo(List.of(Map.of("id", id, "name", "B")));
        assertThatThrownBy(() -> t.call("res.partner", "write", List.of(List.of(999999), Map.of("name", "x")),
                Map.of())).isInstanceOfSatisfying(OrmFault.class, f -> {
                    assertThat(f.kind()).isEqualTo(FaultKind.MISSING_ERROR);
                    assertThat(f.getMessage()).isEqualTo("Record does not exist or has been deleted.\n"
                            + "(Record: res.partner(999999,), User: 2)");
                });
        assertThat(t.call("res.partner", "unlink", List.of(List.of(id)), Map.of())).isEqualTo(true);
        assertThat(t.search("res.partner", List.of())).isEmpty();
        assertThatThrownBy(() -> t.call("res.partner", "unlink", List.of(List.of(id)), Map.of()))
                .hasMessageContaining("res.partner(" + id + ",)");
    }

    @Test
    void productTemplateAndVariantShareFields() {
        int product = t.create("product.product", Map.of("name", "Chair", "default_code", "C1", "list_price", 70.0));
        List<Map<String, Object>> rows = t.searchRead("product.product", List.of(), List.of("name", "product_tmpl_id",
                "display_name", "qty_available", "active"), Map.of());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("display_name", "[C1] Chair").containsEntry("qty_available", 0.0)
                .containsEntry("active", true);
        int template = (Integer) ((List<?>) rows.get(0).get("product_tmpl_id")).get(0);
        t.call("product.template", "write", List.of(List.of(template), Map.of("name", "Desk")), Map.of());
        assertThat(t.searchRead("product.product", List.of(List.of("name", "=", "Desk")), List.of("name"), Map.of()))
                .extracting(r -> r.get("id")).containsExactly(product);
        int template2 = t.create("product.template", Map.of("name", "Lamp"));
        assertThat(t.searchRead("product.template", List.of(List.of("id", "=", template2)),
                List.of("product_variant_ids"), Map.of()).get(0).get("product_variant_ids")).isEqualTo(List.of(2));
    }
}
