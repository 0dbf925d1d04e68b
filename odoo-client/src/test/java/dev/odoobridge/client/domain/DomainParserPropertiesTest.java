package dev.odoobridge.client.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class DomainParserPropertiesTest {

    @Property(tries = 300)
    void renderedDomainsRoundTrip(@ForAll("domains") Domain d) {
        assertThat(DomainParser.parse(d.toText())).isEqualTo(d);
    }

    @Property(tries = 1000)
    void garbageOnlyEverFailsWithDomainSyntaxException(@ForAll @StringLength(max = 60) String noise,
                                                       @ForAll("fragments") String prefix) {
        try {
            DomainParser.parse(prefix + noise);
        } catch (DomainSyntaxException e) {
            assertThat(e.position()).isBetween(0, prefix.length() + noise.length());
        }
    }

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.of("", "[", "[(", "[('a', '=', ", "['|', ", "[('x', 'any', [", "[('a', 'in', [1, ",
                "[('a', '=', '", "['!', (", "[(1, '=', ");
    }

    @Provide
    Arbitrary<Domain> domains() {
        return domain(3);
    }

    private Arbitrary<Domain> domain(int depth) {
        if (depth == 0) {
            return leaf(0);
        }
        Arbitrary<Domain> child = Arbitraries.lazy(() -> domain(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf(depth)),
                net.jqwik.api.Tuple.of(2, child.list().ofMinSize(2).ofMaxSize(3).map(Domains::and)),
                net.jqwik.api.Tuple.of(2, child.list().ofMinSize(2).ofMaxSize(3).map(Domains::or)),
                net.jqwik.api.Tuple.of(1, child.map(Domains::not)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Domains.all(), Domains.none())));
    }

    private Arbitrary<Domain> leaf(int depth) {
        Arbitrary<String> path = Arbitraries.of("name", "state", "partner_id.name", "order_line.product_id", "x_qty", "_a");
        Arbitrary<Operator> scalarOps = Arbitraries.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT,
                Operator.GE, Operator.EQ_OR_UNSET, Operator.LIKE, Operator.ILIKE, Operator.NOT_LIKE, Operator.NOT_ILIKE,
                Operator.EQ_LIKE, Operator.EQ_ILIKE, Operator.CHILD_OF, Operator.PARENT_OF);
        Arbitrary<Domain> scalar = net.jqwik.api.Combinators.combine(path, scalarOps, value())
                .as(Domains::condition);
        Arbitrary<Domain> in = net.jqwik.api.Combinators.combine(path, Arbitraries.of(Operator.IN, Operator.NOT_IN),
                value().list().ofMaxSize(4)).as((p, o, v) -> Domains.condition(p, o, v));
        if (depth == 0) {
            return Arbitraries.oneOf(scalar, in);
        }
        Arbitrary<Domain> any = net.jqwik.api.Combinators.combine(path, Arbitraries.of(Operator.ANY, Operator.NOT_ANY),
                Arbitraries.lazy(() -> domain(depth - 1))).as(Domains::condition);
        return Arbitraries.oneOf(scalar, in, any);
    }

    private Arbitrary<Object> value() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().greaterOrEqual(1L << 40).map(l -> (Object) l),
                Arbitraries.doubles().between(-1e9, 1e9).map(d -> (Object) d),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b),
                Arbitraries.integers().between(1, 99).list().ofMaxSize(3).map(l -> (Object) List.copyOf(l)));
    }
}
