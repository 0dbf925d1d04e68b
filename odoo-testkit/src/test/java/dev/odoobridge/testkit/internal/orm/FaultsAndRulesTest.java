package dev.odoobridge.testkit.internal.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class FaultsAndRulesTest {
    private static final int DEMO = 6;
    private final Orm t = new Orm();

    private static void fault(ThrowingCallable call, FaultKind kind, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OrmFault.class, f -> {
            assertThat(f.kind()).isEqualTo(kind);
            assertThat(f.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void dispatchFaults() {
        fault(() -> t.call("no.such.model", "search_read", List.of(List.of()), Map.of()), FaultKind.UNKNOWN_MODEL,
                "Object no.such.model doesn't exist");
        fault(() -> t.call("res.partner", "no_such_method", List.of(List.of()), Map.of()), FaultKind.UNKNOWN_METHOD,
                "The method 'res.partner.no_such_method' does not exist");
        fault(() -> t.call("res.partner", "_read_group", List.of(List.of()), Map.of()), FaultKind.PRIVATE_METHOD,
                "Private methods (such as 'res.partner._read_group') cannot be called remotely.");
        fault(() -> t.call("res.partner", "action_confirm", List.of(List.of()), Map.of()), FaultKind.UNKNOWN_METHOD,
                "The method 'res.partner.action_confirm' does not exist");
    }

    @Test
    void argumentBindingFaults() {
        fault(() -> t.json2("res.partner", "search", null, Map.of("domian", List.of())), FaultKind.TYPE_ERROR,
                "missing a required argument: 'domain'");
        fault(() -> t.json2("res.partner", "search_count", List.of(1), Map.of("domain", List.of())),
                FaultKind.TYPE_ERROR, "cannot call res.partner.search_count with ids");
        fault(() -> t.call("res.partner", "search", List.of(List.of()), Map.of("bogus", 1)), FaultKind.TYPE_ERROR,
                "BaseModel.search() got an unexpected keyword argument 'bogus'");
        fault(() -> t.call("res.partner", "search_count", List.of(List.of(), 1, 2), Map.of()), FaultKind.TYPE_ERROR,
                "BaseModel.search_count() takes from 2 to 3 positional arguments but 4 were given");
        fault(() -> t.call("res.partner", "search", List.of(), Map.of("args", List.of())), FaultKind.TYPE_ERROR,
                "BaseModel.search() got an unexpected keyword argument 'args'");
        fault(() -> t.call("res.partner", "search", List.of(), Map.of()), FaultKind.TYPE_ERROR,
                "BaseModel.search() missing 1 required positional argument: 'domain'");
        // call_kw reads create's records as args[0] (odoo/service/model.py): a named vals_list is refused
        fault(() -> t.call("res.partner", "create", List.of(), Map.of("vals_list", List.of(Map.of("name", "A")))),
                FaultKind.INDEX_ERROR, "list index out of range");
        fault(() -> t.call("res.partner", "write", List.of(), Map.of("vals", Map.of("name", "A"))),
                FaultKind.INDEX_ERROR, "list index out of range");
        assertThat(t.json2("res.partner", "read", List.of(), Map.of("fields", List.of("name")))).isEqualTo(List.of());
    }

    @Test
    void badFieldsInValuesAndReads() {
        int id = t.create("res.partner", Map.of("name", "A"));
        fault(() -> t.call("res.partner", "write", List.of(List.of(id), Map.of("no_such_field", 1)), Map.of()),
                FaultKind.KEY_ERROR, "no_such_field");
        fault(() -> t.create("res.partner", Map.of("no_such_field", 1)), FaultKind.VALUE_ERROR,
                "Invalid field 'no_such_field' in 'res.partner'");
        fault(() -> t.call("res.partner", "read", List.of(List.of(id), List.of("nope")), Map.of()),
                FaultKind.VALUE_ERROR, "Invalid field 'nope' on 'res.partner'");
        fault(() -> t.create("mail.mail", Map.of("state", "bogus")), FaultKind.VALUE_ERROR,
                "Wrong value for mail.mail.state: 'bogus'");
    }

    @Test
    void nonAdminCannotModifyRestrictedModels() {
        int company = t.create("res.company", Map.of("name", "Shop", "partner_id", t.create("res.partner",
                Map.of("name", "Shop"))));
        fault(() -> t.callAs(DEMO, "res.company", "write", List.of(List.of(company), Map.of("name", "x")), Map.of()),
                FaultKind.ACCESS_ERROR, "You are not allowed to modify 'Companies' (res.company) records.\n\n"
                        + "This operation is allowed for the following groups:\n\t- Access Rights\n\n"
                        + "Contact your administrator to request access if necessary.");
        for (String model : List.of("res.users", "stock.warehouse", "stock.location", "product.category")) {
            assertThatThrownBy(() -> t.callAs(DEMO, model, "create", List.of(Map.of("name", "x")), Map.of()))
                    .isInstanceOfSatisfying(OrmFault.class, f -> assertThat(f.kind()).isEqualTo(FaultKind.ACCESS_ERROR))
                    .hasMessageContaining("(" + model + ")");
        }
        assertThat(t.callAs(DEMO, "res.company", "search_read", List.of(List.of()), Map.of("fields",
                List.of("name")))).isEqualTo(List.of(Map.of("id", company, "name", "Shop")));
        assertThat(t.callAs(DEMO, "res.partner", "create", List.of(Map.of("name", "ok")), Map.of())).isEqualTo(2);
    }

    @Test
    void recursivePartnerIsRejectedAndRolledBack() {
        int a = t.create("res.partner", Map.of("name", "A"));
        int b = t.create("res.partner", Map.of("name", "B", "parent_id", a));
        fault(() -> t.call("res.partner", "write", List.of(List.of(a), Map.of("parent_id", b, "name", "changed")),
                Map.of()), FaultKind.VALIDATION_ERROR, "You cannot create recursive Partner hierarchies.");
        fault(() -> t.call("res.partner", "write", List.of(List.of(a), Map.of("parent_id", a)), Map.of()),
                FaultKind.VALIDATION_ERROR, "You cannot create recursive Partner hierarchies.");
        assertThat(t.searchRead("res.partner", List.of(List.of("id", "=", a)), List.of("name", "parent_id"),
                Map.of())).containsExactly(Map.of("id", a, "name", "A", "parent_id", false));
    }

    @Test
    void confirmedSaleOrderCannotBeDeleted() {
        int partner = t.create("res.partner", Map.of("name", "C"));
        int order = t.create("sale.order", Map.of("name", "S1", "partner_id", partner, "order_line",
                List.of(List.of(0, 0, Map.of("name", "line", "product_uom_qty", 2.0)))));
        assertThat(t.searchRead("sale.order.line", List.of(), List.of("order_id", "state"), Map.of()))
                .containsExactly(Map.of("id", 1, "order_id", List.of(order, "S1"), "state", "draft"));
        t.call("sale.order", "action_confirm", List.of(List.of(order)), Map.of());
        fault(() -> t.call("sale.order", "unlink", List.of(List.of(order)), Map.of()), FaultKind.USER_ERROR,
                "You can not delete a sent quotation or a confirmed sales order. You must first cancel it.");
        t.call("sale.order", "write", List.of(List.of(order), Map.of("state", "cancel")), Map.of());
        t.call("sale.order", "unlink", List.of(List.of(order)), Map.of());
        assertThat(t.search("sale.order.line", List.of())).isEmpty();
    }

    @Test
    void purchaseConfirmAndMailSend() {
        int vendor = t.create("res.partner", Map.of("name", "V"));
        int po = t.create("purchase.order", Map.of("name", "P1", "partner_id", vendor));
        t.call("purchase.order", "button_confirm", List.of(List.of(po)), Map.of());
        assertThat(t.searchRead("purchase.order", List.of(), List.of("state"), Map.of()).get(0))
                .containsEntry("state", "purchase");
        int keep = t.create("mail.mail", Map.of("subject", "Keep", "email_to", "a@x"));
        int drop = t.create("mail.mail", Map.of("subject", "Code 123456", "email_to", "v@x", "auto_delete", true));
        t.call("mail.mail", "send", List.of(List.of(keep, drop)), Map.of());
        assertThat(t.orm.sentMails()).extracting(m -> m.get("subject")).containsExactly("Keep", "Code 123456");
        assertThat(t.search("mail.mail", List.of())).containsExactly(keep);
    }

    @Test
    void changeListenersSeeCommittedChangesAndSurviveExceptions() {
        List<ChangeEvent> events = new ArrayList<>();
        t.orm.addChangeListener(e -> {
            throw new IllegalStateException("listener failure must not break the call");
        });
        t.orm.addChangeListener(events::add);
        int category = t.create("product.category", Map.of("name", "All"));
        int product = t.create("product.product", Map.of("name", "P", "categ_id", category));
        t.call("product.product", "write", List.of(List.of(product), Map.of("list_price", 9.5)), Map.of());
        t.call("product.product", "unlink", List.of(List.of(product)), Map.of());
        assertThat(events).extracting(e -> e.model() + ":" + e.action()).contains("product.category:create",
                "product.template:create", "product.product:create", "product.product:write",
                "product.product:unlink", "product.template:unlink");
        ChangeEvent write = events.stream().filter(e -> e.action().equals("write")
                && e.model().equals("product.product")).findFirst().orElseThrow();
        assertThat(write.values()).containsEntry("list_price", 9.5).containsEntry("categ_id", category)
                .containsEntry("write_date", "2026-11-21 19:14:41.250000").containsEntry("id", product);
    }

    @Test
    void beforeCommitListenersHearChangesThatAreRolledBack() {
        List<ChangeEvent> events = new ArrayList<>();
        t.orm.setAutoCommitListenersBeforeCommit(true);
        t.orm.addChangeListener(events::add);
        int a = t.create("res.partner", Map.of("name", "A"));
        events.clear();
        assertThatThrownBy(() -> t.call("res.partner", "write", List.of(List.of(a), Map.of("parent_id", a)),
                Map.of())).isInstanceOf(OrmFault.class);
        assertThat(events).extracting(ChangeEvent::action).containsExactly("write");
        assertThat(t.searchRead("res.partner", List.of(), List.of("parent_id"), Map.of()).get(0))
                .containsEntry("parent_id", false);
    }
}
