package dev.odoobridge.client.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainParserTest {

    @Test
    void parsesTheDocumentedExampleWithImplicitTopLevelAnd() {
        Domain d = DomainParser.parse("[('state','=','sale'), '|', ('a','in',[1,2]), ('b','!=',False), '!', ('c','ilike','x')]");
        assertThat(d).isEqualTo(Domains.and(
                Domains.eq("state", "sale"),
                Domains.or(Domains.in("a", List.of(1, 2)), Domains.ne("b", false)),
                Domains.not(Domains.ilike("c", "x"))));
    }

    @Test
    void acceptsListLeavesDoubleQuotesEscapesAndTrailingCommas() {
        Domain d = DomainParser.parse("[[\"name\", \"=\", \"it\\'s \\\"x\\\"\\n\"], ('x', '=', 'a\\\\b'),]");
        assertThat(d).isEqualTo(Domains.and(Domains.eq("name", "it's \"x\"\n"), Domains.eq("x", "a\\b")));
    }

    @Test
    void parsesNumbersBooleansNoneAndNestedLists() {
        assertThat(DomainParser.parse("[('a', '=', -12)]")).isEqualTo(Domains.eq("a", -12));
        assertThat(DomainParser.parse("[('a', '=', 9999999999)]")).isEqualTo(Domains.eq("a", 9999999999L));
        assertThat(DomainParser.parse("[('a', '>=', 1.5e3)]")).isEqualTo(Domains.ge("a", 1500.0));
        assertThat(DomainParser.parse("[('a', '=', True)]")).isEqualTo(Domains.eq("a", true));
        assertThat(DomainParser.parse("[('a', '=', None)]")).isEqualTo(Domains.eq("a", null));
        assertThat(DomainParser.parse("[('a', 'in', [[1, 2], (3,)])]"))
                .isEqualTo(Domains.in("a", List.of(List.of(1, 2), List.of(3))));
        assertThat(DomainParser.parse("[('a', '=', {'k': 1})]")).isEqualTo(Domains.eq("a", Map.of("k", 1)));
    }

    @Test
    void parsesAnyWithASubDomainAndDottedPaths() {
        Domain d = DomainParser.parse("[('order_line', 'any', [('product_id.default_code', '=like', 'FURN%')]),"
                + " ('partner_id', 'not any', ['|', ('x', '=', 1), ('y', '=', 2)])]");
        assertThat(d).isEqualTo(Domains.and(
                Domains.any("order_line", Domains.eqLike("product_id.default_code", "FURN%")),
                Domains.notAny("partner_id", Domains.or(Domains.eq("x", 1), Domains.eq("y", 2)))));
    }

    @Test
    void constantLeavesAndEmptyDomain() {
        assertThat(DomainParser.parse("[]")).isEqualTo(Domains.all());
        assertThat(DomainParser.parse("  [ ]  ")).isEqualTo(Domains.all());
        assertThat(DomainParser.parse("[(1, '=', 1)]")).isEqualTo(Domains.all());
        assertThat(DomainParser.parse("[(0, '=', 1)]")).isEqualTo(Domains.none());
        assertThat(DomainParser.parse("['|', (0, '=', 1), ('a', '=', 1)]")).isEqualTo(Domains.eq("a", 1));
    }

    @Test
    void operatorsAreCaseInsensitive() {
        assertThat(DomainParser.parse("[('a', 'NOT ILIKE', 'x')]")).isEqualTo(Domains.notIlike("a", "x"));
    }

    @Test
    void roundTripsRenderedDomains() {
        Domain d = Domains.or(Domains.and(Domains.eq("a", 1), Domains.not(Domains.in("b", List.of("x", "y")))),
                Domains.childOf("categ_id", 3), Domains.any("line_ids", Domains.gt("qty", 2.5)));
        assertThat(DomainParser.parse(d.toText())).isEqualTo(d);
    }

    @Test
    void errorsSayWhereAndWhatWasExpected() {
        assertError("('a', '=', 1)", 0, "expected '[' to open a domain");
        assertError("[('a', '=', 1)", 14, "expected ',' or ']'");
        assertError("[('a', '~', 1)]", 7, "unknown domain operator '~'");
        assertError("[('a', '=')]", 10, "expected ','");
        assertError("[('a', '=', 1, 2)]", 15, "exactly 3 elements");
        assertError("['&', ('a', '=', 1)]", 6, "missing an operand");
        assertError("['x']", 1, "found the string 'x'");
        assertError("[('a', '=', 'abc)]", 12, "unterminated string");
        assertError("[('a', '=', foo)]", 12, "the name 'foo'");
        assertError("[('a b', '=', 1)]", 2, "invalid field path");
        assertError("[('a', 'in', 1)]", 13, "needs a collection");
        assertError("[(2, '=', 1)]", 1, "(1, '=', 1) or (0, '=', 1)");
        assertError("[] x", 3, "expected the end");
        assertError("[('a', 'any', 1)]", 14, "'[' to open a domain");
    }

    @Test
    void deepNestingIsASyntaxErrorNotAStackOverflow() {
        String deep = "[('a', 'in', " + "[".repeat(10_000) + "]".repeat(10_000) + ")]";
        assertThatThrownBy(() -> DomainParser.parse(deep)).isInstanceOf(DomainSyntaxException.class)
                .hasMessageContaining("nesting");
        String manyNots = "[" + "'!', ".repeat(5_000) + "('a', '=', 1)]";
        assertThatThrownBy(() -> DomainParser.parse(manyNots)).isInstanceOf(DomainSyntaxException.class);
    }

    private static void assertError(String text, int position, String fragment) {
        assertThatThrownBy(() -> DomainParser.parse(text))
                .isInstanceOfSatisfying(DomainSyntaxException.class, e -> assertThat(e.position()).isEqualTo(position))
                .hasMessageContaining(fragment);
    }
}
