package dev.odoobridge.client.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DomainsTest {

    @Test
    void everyOperatorRendersItsSymbol() {
        assertThat(Domains.eq("a", 1).toWire()).isEqualTo(List.of(List.of("a", "=", 1)));
        assertThat(Domains.ne("a", 1).toWire()).isEqualTo(List.of(List.of("a", "!=", 1)));
        assertThat(Domains.lt("a", 1).toWire()).isEqualTo(List.of(List.of("a", "<", 1)));
        assertThat(Domains.le("a", 1).toWire()).isEqualTo(List.of(List.of("a", "<=", 1)));
        assertThat(Domains.gt("a", 1).toWire()).isEqualTo(List.of(List.of("a", ">", 1)));
        assertThat(Domains.ge("a", 1).toWire()).isEqualTo(List.of(List.of("a", ">=", 1)));
        assertThat(Domains.eqOrUnset("a", 1).toWire()).isEqualTo(List.of(List.of("a", "=?", 1)));
        assertThat(Domains.like("a", "x").toWire()).isEqualTo(List.of(List.of("a", "like", "x")));
        assertThat(Domains.ilike("a", "x").toWire()).isEqualTo(List.of(List.of("a", "ilike", "x")));
        assertThat(Domains.notLike("a", "x").toWire()).isEqualTo(List.of(List.of("a", "not like", "x")));
        assertThat(Domains.notIlike("a", "x").toWire()).isEqualTo(List.of(List.of("a", "not ilike", "x")));
        assertThat(Domains.eqLike("a", "x%").toWire()).isEqualTo(List.of(List.of("a", "=like", "x%")));
        assertThat(Domains.eqIlike("a", "x%").toWire()).isEqualTo(List.of(List.of("a", "=ilike", "x%")));
        assertThat(Domains.in("a", 1, 2).toWire()).isEqualTo(List.of(List.of("a", "in", List.of(1, 2))));
        assertThat(Domains.notIn("a", List.of(1)).toWire()).isEqualTo(List.of(List.of("a", "not in", List.of(1))));
        assertThat(Domains.childOf("a", 3).toWire()).isEqualTo(List.of(List.of("a", "child_of", 3)));
        assertThat(Domains.parentOf("a", 3).toWire()).isEqualTo(List.of(List.of("a", "parent_of", 3)));
        assertThat(Domains.eq("a", null).toWire()).isEqualTo(List.of(List.of("a", "=", false)));
    }

    @Test
    void anyAndNotAnyNestTheirSubDomain() {
        Domain d = Domains.any("order_line.product_id", Domains.or(Domains.eq("x", 1), Domains.eq("y", 2)));
        assertThat(d.toWire()).isEqualTo(List.of(List.of("order_line.product_id", "any",
                List.of("|", List.of("x", "=", 1), List.of("y", "=", 2)))));
        assertThat(Domains.notAny("l", Domains.all()).toWire()).isEqualTo(List.of(List.of("l", "not any", List.of())));
    }

    @Test
    void nestedAndOrNotRenderInPrefixNotation() {
        Domain d = Domains.and(Domains.eq("a", 1), Domains.or(Domains.eq("b", 2), Domains.not(Domains.eq("c", 3))),
                Domains.eq("d", 4));
        assertThat(d.toWire()).isEqualTo(List.of("&", "&", List.of("a", "=", 1), "|", List.of("b", "=", 2), "!",
                List.of("c", "=", 3), List.of("d", "=", 4)));
        assertThat(d.toText()).isEqualTo("['&', '&', ('a', '=', 1), '|', ('b', '=', 2), '!', ('c', '=', 3), ('d', '=', 4)]");
    }

    @Test
    void allAndNoneSimplify() {
        Domain a = Domains.eq("a", 1);
        assertThat(Domains.all().toWire()).isEmpty();
        assertThat(Domains.none().toWire()).isEqualTo(List.of(List.of(0, "=", 1)));
        assertThat(Domains.and(a, Domains.all())).isEqualTo(a);
        assertThat(Domains.and(a, Domains.none())).isEqualTo(Domains.none());
        assertThat(Domains.or(a, Domains.all())).isEqualTo(Domains.all());
        assertThat(Domains.or(a, Domains.none())).isEqualTo(a);
        assertThat(Domains.and()).isEqualTo(Domains.all());
        assertThat(Domains.or()).isEqualTo(Domains.none());
        assertThat(Domains.not(Domains.not(a))).isEqualTo(a);
        assertThat(Domains.not(Domains.all())).isEqualTo(Domains.none());
        assertThat(Domains.and(Domains.and(a, Domains.eq("b", 2)), Domains.eq("c", 3)))
                .isEqualTo(new Domain.And(List.of(a, Domains.eq("b", 2), Domains.eq("c", 3))));
    }

    @Test
    void invalidLeavesAreRejected() {
        assertThatThrownBy(() -> Domains.eq("a b", 1)).hasMessageContaining("invalid field path");
        assertThatThrownBy(() -> Domains.condition("a", Operator.IN, 1)).hasMessageContaining("collection");
        assertThatThrownBy(() -> Domains.condition("a", Operator.ANY, 1)).hasMessageContaining("sub-domain");
        assertThatThrownBy(() -> Domains.eq("a", new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
