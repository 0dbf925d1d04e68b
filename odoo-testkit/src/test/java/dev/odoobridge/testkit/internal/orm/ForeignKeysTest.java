package dev.odoobridge.testkit.internal.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What deleting a record does to the many2ones pointing at it: restrict, cascade or set null, as in Odoo. */
class ForeignKeysTest {
    private static final Instant NOW = Instant.parse("2026-11-21T19:14:41Z");

    private static FakeOrm orm(String version) {
        return new FakeOrm(Clock.fixed(NOW, ZoneOffset.UTC), OdooRelease.of(version));
    }

    private static Object call(FakeOrm orm, String model, String method, List<Object> args) {
        return orm.execute(new OrmRequest(model, method, null, args, Map.of(), 2));
    }

    private static int create(FakeOrm orm, String model, Map<String, Object> vals) {
        return ((Number) call(orm, model, "create", List.of(vals))).intValue();
    }

    private static List<Long> ids(FakeOrm orm, String model) {
        return orm.ids(model, List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0"})
    void aCustomerOfAnOrderCannotBeDeletedBefore19(String version) {
        FakeOrm orm = orm(version);
        int partner = create(orm, "res.partner", Map.of("name", "Customer"));
        create(orm, "sale.order", Map.of("partner_id", partner));
        assertThatThrownBy(() -> call(orm, "res.partner", "unlink", List.of(List.of(partner))))
                .isInstanceOfSatisfying(OrmFault.class, f -> {
                    assertThat(f.kind()).isEqualTo(FaultKind.VALIDATION_ERROR);
                    assertThat(f.getMessage()).isEqualTo("The operation cannot be completed: another model requires "
                            + "the record being deleted. If possible, archive it instead.\n\nModel: Sales Order "
                            + "(sale.order)\nConstraint: sale_order_partner_id_fkey\n");
                });
        assertThat(ids(orm, "res.partner")).contains((long) partner);
        assertThat(ids(orm, "sale.order")).hasSize(1);
    }

    @Test
    void aCustomerOfAnOrderCannotBeDeletedOn19() {
        FakeOrm orm = orm("19.0");
        int partner = create(orm, "res.partner", Map.of("name", "Customer"));
        create(orm, "sale.order", Map.of("partner_id", partner));
        assertThatThrownBy(() -> call(orm, "res.partner", "unlink", List.of(List.of(partner))))
                .isInstanceOfSatisfying(OrmFault.class, f -> assertThat(f.getMessage()).isEqualTo(
                        "The operation cannot be completed: Another model is using the record you are trying to "
                                + "delete.\n\nThe troublemaker is: 'Sales Order' (sale.order)\nThanks to the following "
                                + "constraint: 'Customer' (partner_id)\nHow about archiving the record instead?"));
    }

    @Test
    void cascadesGoWithTheRecordAndOptionalManyToOnesAreEmptied() {
        FakeOrm orm = orm("19.0");
        int vendor = create(orm, "res.partner", Map.of("name", "Vendor", "is_company", true));
        int contact = create(orm, "res.partner", Map.of("name", "Contact", "parent_id", vendor));
        int product = create(orm, "product.product", Map.of("name", "Oat Drink"));
        create(orm, "product.supplierinfo", Map.of("partner_id", vendor, "product_id", product, "price", 1.5));
        assertThat(call(orm, "res.partner", "unlink", List.of(List.of(vendor)))).isEqualTo(true);
        assertThat(ids(orm, "product.supplierinfo")).isEmpty();
        assertThat(orm.execute(new OrmRequest("res.partner", "read", null, List.of(List.of(contact),
                List.of("parent_id")), Map.of(), 2))).isEqualTo(List.of(Map.of("id", contact, "parent_id", false)));
    }

    @Test
    void aProductWithQuantsOrOrderLinesCannotBeDeletedButItsTemplateTakesItsVariantsAlong() {
        FakeOrm orm = orm("19.0");
        int partner = create(orm, "res.partner", Map.of("name", "Customer"));
        int sold = create(orm, "product.product", Map.of("name", "Sold"));
        create(orm, "sale.order", Map.of("partner_id", partner, "order_line",
                List.of(List.of(0, 0, Map.of("product_id", sold)))));
        assertThatThrownBy(() -> call(orm, "product.product", "unlink", List.of(List.of(sold))))
                .hasMessageContaining("The troublemaker is: 'Sales Order Line' (sale.order.line)\n"
                        + "Thanks to the following constraint: 'Product' (product_id)");
        create(orm, "product.product", Map.of("name", "Unsold"));
        long template = ids(orm, "product.template").get(1);
        assertThat(call(orm, "product.template", "unlink", List.of(List.of((int) template)))).isEqualTo(true);
        assertThat(ids(orm, "product.product")).containsExactly((long) sold);
    }
}
