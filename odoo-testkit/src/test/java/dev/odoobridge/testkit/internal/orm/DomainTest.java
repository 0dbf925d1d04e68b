package dev.odoobridge.testkit.internal.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DomainTest {
    private final Orm t = new Orm();
    private int acme;
    private int jo;
    private int ann;
    private int old;

    @BeforeEach
    void data() {
        acme = t.create("res.partner", Map.of("name", "Acme Corp", "is_company", true, "supplier_rank", 3));
        jo = t.create("res.partner", Map.of("name", "Jo Smith", "parent_id", acme, "email", "jo@acme.test"));
        ann = t.create("res.partner", Map.of("name", "Ann", "parent_id", jo, "customer_rank", 2));
        old = t.create("res.partner", Map.of("name", "Old Ltd", "active", false));
    }

    private List<Integer> ids(Object... terms) {
        return t.search("res.partner", List.of(terms));
    }

    @Test
    void comparisonOperators() {
        assertThat(ids(List.of("name", "=", "Ann"))).containsExactly(ann);
        assertThat(ids(List.of("name", "!=", "Ann"))).containsExactly(acme, jo, old);
        assertThat(ids(List.of("supplier_rank", ">", 0))).containsExactly(acme);
        assertThat(ids(List.of("customer_rank", ">=", 2))).containsExactly(ann);
        assertThat(ids(List.of("id", "<", jo))).containsExactly(acme);
        assertThat(ids(List.of("id", "<=", jo))).containsExactly(acme, jo);
        assertThat(ids(List.of("email", "=?", false))).containsExactly(acme, jo, ann, old);
        assertThat(ids(List.of("email", "=?", "jo@acme.test"))).containsExactly(jo);
    }

    @Test
    void falseMeansUnsetAndNegativeOperatorsMatchUnset() {
        assertThat(ids(List.of("email", "=", false))).containsExactly(acme, ann, old);
        assertThat(ids(List.of("email", "!=", false))).containsExactly(jo);
        assertThat(ids(List.of("parent_id", "=", false))).containsExactly(acme, old);
        assertThat(ids(List.of("email", "not ilike", "acme"))).containsExactly(acme, ann, old);
        assertThat(ids(List.of("is_company", "=", false))).containsExactly(jo, ann, old);
    }

    @Test
    void likeOperators() {
        assertThat(ids(List.of("name", "like", "Smith"))).containsExactly(jo);
        assertThat(ids(List.of("name", "like", "smith"))).isEmpty();
        assertThat(ids(List.of("name", "ilike", "smith"))).containsExactly(jo);
        assertThat(ids(List.of("name", "not like", "Corp"))).containsExactly(jo, ann, old);
        assertThat(ids(List.of("name", "=like", "A%"))).containsExactly(acme, ann);
        assertThat(ids(List.of("name", "=ilike", "a__"))).containsExactly(ann);
        assertThat(ids(List.of("parent_id", "ilike", "acme"))).containsExactly(jo, ann);
    }

    @Test
    void inAndNotIn() {
        assertThat(ids(List.of("id", "in", List.of(jo, ann)))).containsExactly(jo, ann);
        assertThat(ids(List.of("id", "not in", List.of(jo, ann)))).containsExactly(acme, old);
        assertThat(ids(List.of("parent_id", "in", List.of(acme, false)))).containsExactly(acme, jo, old);
        assertThat(ids(List.of("id", "in", List.of()))).isEmpty();
    }

    @Test
    void hierarchyOperators() {
        assertThat(ids(List.of("id", "child_of", acme))).containsExactly(acme, jo, ann);
        assertThat(ids(List.of("parent_id", "child_of", List.of(jo)))).containsExactly(ann);
        assertThat(ids(List.of("id", "parent_of", ann))).containsExactly(acme, jo, ann);
    }

    @Test
    void anyNotAnyAndDottedPaths() {
        assertThat(ids(List.of("parent_id", "any", List.of(List.of("is_company", "=", true))))).containsExactly(jo);
        assertThat(ids(List.of("child_ids", "any", List.of(List.of("name", "=", "Ann"))))).containsExactly(jo);
        assertThat(ids(List.of("child_ids", "not any", List.of()))).containsExactly(ann, old);
        assertThat(ids(List.of("parent_id.name", "=", "Acme Corp"))).containsExactly(jo);
        assertThat(ids(List.of("parent_id.parent_id.name", "ilike", "acme"))).containsExactly(ann);
        assertThat(ids(List.of("child_ids.name", "!=", "Ann"))).containsExactly(acme, ann, old);
    }

    @Test
    void prefixOperatorsAndConstants() {
        assertThat(ids("|", List.of("name", "=", "Ann"), List.of("name", "=", "Jo Smith"))).containsExactly(jo, ann);
        assertThat(ids("!", List.of("name", "=", "Ann"))).containsExactly(acme, jo, old);
        assertThat(ids("&", List.of("id", ">", acme), List.of("id", "<", old))).containsExactly(jo, ann);
        assertThat(ids(List.of("id", ">", acme), List.of("id", "<", old))).containsExactly(jo, ann);
        assertThat(ids(List.of(1, "=", 1))).containsExactly(acme, jo, ann, old);
        assertThat(ids(List.of(0, "=", 1))).isEmpty();
    }

    @Test
    void activeTestHidesArchivedUnlessDisabledOrMentioned() {
        assertThat(t.search("res.partner", List.of(), Map.of())).containsExactly(acme, jo, ann);
        assertThat(t.search("res.partner", List.of(List.of("active", "=", false)), Map.of())).containsExactly(old);
        assertThat(t.search("res.partner", List.of(), Map.of("context", Map.of("active_test", false))))
                .containsExactly(acme, jo, ann, old);
        t.call("res.partner", "action_unarchive", List.of(List.of(old)), Map.of());
        t.call("res.partner", "action_archive", List.of(List.of(acme)), Map.of());
        assertThat(t.search("res.partner", List.of(), Map.of())).containsExactly(jo, ann, old);
    }

    @Test
    void orderingLimitOffset() {
        assertThat(t.search("res.partner", List.of(), Map.of("order", "name desc", "context",
                Map.of("active_test", false)))).containsExactly(old, jo, ann, acme);
        assertThat(t.search("res.partner", List.of(), Map.of("order", "parent_id asc, id desc", "context",
                Map.of("active_test", false)))).containsExactly(jo, ann, old, acme);
        assertThat(t.search("res.partner", List.of(), Map.of("order", "id desc", "limit", 2, "offset", 1)))
                .containsExactly(jo, acme);
        assertThat(t.call("res.partner", "search_count", List.of(List.of()), Map.of())).isEqualTo(3);
        assertThatThrownBy(() -> t.search("res.partner", List.of(), Map.of("order", "nope")))
                .hasMessage("Invalid field 'nope' on model 'res.partner'");
    }

    @Test
    void invalidFieldAndOperatorUseOdooMessages() {
        assertThatThrownBy(() -> ids(List.of("no_such_field", "=", 1))).isInstanceOfSatisfying(OrmFault.class,
                f -> assertThat(f.kind()).isEqualTo(FaultKind.VALUE_ERROR)).hasMessage(
                "Invalid field res.partner.no_such_field in condition ('no_such_field', '=', 1)");
        assertThatThrownBy(() -> ids(List.of("name", "bogus_op", "x")))
                .hasMessage("Invalid operator in condition ('name', 'bogus_op', 'x')");
    }
}
