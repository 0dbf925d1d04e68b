package dev.odoobridge.testkit.internal.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteDateTest {
    private final Orm t = new Orm();

    private int createAt(String instant, String name) {
        t.clock.set(Instant.parse(instant));
        return t.create("res.partner", Map.of("name", name));
    }

    @Test
    void readsWholeSecondsWhileTheStoreKeepsMicroseconds() {
        int id = createAt("2026-11-21T10:00:05.700079Z", "A");
        assertThat(t.searchRead("res.partner", List.of(), List.of("write_date", "create_date"), Map.of()).get(0))
                .containsEntry("write_date", "2026-11-21 10:00:05").containsEntry("create_date", "2026-11-21 10:00:05");
        assertThat(t.orm.writeDateMicros("res.partner", id)).isEqualTo("2026-11-21 10:00:05.700079");
    }

    @Test
    void wholeSecondLiteralsCoverTheWholeSecond() {
        int before = createAt("2026-11-21T10:00:04.999999Z", "before");
        int early = createAt("2026-11-21T10:00:05.000000Z", "early");
        int late = createAt("2026-11-21T10:00:05.999999Z", "late");
        int after = createAt("2026-11-21T10:00:06.000000Z", "after");
        String s = "2026-11-21 10:00:05";
        assertThat(t.search("res.partner", List.of(List.of("write_date", "=", s)))).containsExactly(early, late);
        assertThat(t.search("res.partner", List.of(List.of("write_date", ">", s)))).containsExactly(after);
        assertThat(t.search("res.partner", List.of(List.of("write_date", ">=", s)))).containsExactly(early, late,
                after);
        assertThat(t.search("res.partner", List.of(List.of("write_date", "<", s)))).containsExactly(before);
        assertThat(t.search("res.partner", List.of(List.of("write_date", "<=", s)))).containsExactly(before, early,
                late);
        assertThat(t.search("res.partner", List.of(List.of("write_date", "!=", s)))).containsExactly(before, after);
    }

    @Test
    void orderByWriteDateSortsByHiddenMicrosecondsSoIdsCanDescendWithinASecond() {
        t.clock.set(Instant.parse("2026-11-21T10:00:05.900000Z"));
        int first = t.create("res.partner", Map.of("name", "first"));
        t.orm.backdateNextCommit(Duration.ofMillis(800));
        int backdated = t.create("res.partner", Map.of("name", "long transaction"));
        List<Map<String, Object>> rows = t.searchRead("res.partner",
                List.of(List.of("write_date", ">=", "2026-11-21 10:00:05")), List.of("write_date"),
                Map.of("order", "write_date asc, id asc"));
        assertThat(rows).extracting(r -> r.get("id")).containsExactly(backdated, first);
        assertThat(rows).extracting(r -> r.get("write_date")).containsOnly("2026-11-21 10:00:05");
        assertThat(t.orm.writeDateMicros("res.partner", backdated)).isEqualTo("2026-11-21 10:00:05.100000");
        int next = t.create("res.partner", Map.of("name", "not backdated"));
        assertThat(t.orm.writeDateMicros("res.partner", next)).isEqualTo("2026-11-21 10:00:05.900000");
    }

    @Test
    void oneCallSharesOneTransactionTimeAndWritesMoveTheIndex() {
        t.clock.set(Instant.parse("2026-11-21T10:00:00.123456Z"));
        @SuppressWarnings("unchecked")
        List<Integer> ids = (List<Integer>) t.call("res.partner", "create", List.of(List.of(Map.of("name", "a"),
                Map.of("name", "b"))), Map.of());
        assertThat(t.orm.writeDateMicros("res.partner", ids.get(0)))
                .isEqualTo(t.orm.writeDateMicros("res.partner", ids.get(1))).isEqualTo("2026-11-21 10:00:00.123456");
        t.clock.set(Instant.parse("2026-11-21T11:00:00Z"));
        t.call("res.partner", "write", List.of(List.of(ids.get(0)), Map.of("name", "a2")), Map.of());
        List<Object> order = new ArrayList<>();
        t.searchRead("res.partner", List.of(), List.of("name"), Map.of("order", "write_date desc, id desc"))
                .forEach(r -> order.add(r.get("name")));
        assertThat(order).containsExactly("a2", "b");
        assertThat(t.search("res.partner", List.of(List.of("write_date", ">", "2026-11-21 10:00:00"))))
                .containsExactly(ids.get(0));
    }

    @Test
    void writingATemplateMovesItsVariantsWriteDateLikeOdoosComputedWriteDate() {
        t.clock.set(Instant.parse("2026-11-21T10:00:00.100000Z"));
        int variant = t.create("product.product", Map.of("name", "Tea", "list_price", 2.0));
        int template = ((Number) ((List<?>) t.searchRead("product.product", List.of(List.of("id", "=", variant)),
                List.of("product_tmpl_id"), Map.of()).get(0).get("product_tmpl_id")).get(0)).intValue();
        int other = t.create("product.product", Map.of("name", "Coffee"));

        t.clock.set(Instant.parse("2026-11-21T11:30:00.250000Z"));
        t.call("product.template", "write", List.of(List.of(template), Map.of("name", "Green tea", "list_price", 3.5)),
                Map.of());

        Map<String, Object> row = t.searchRead("product.product", List.of(List.of("id", "=", variant)),
                List.of("name", "list_price", "write_date"), Map.of()).get(0);
        assertThat(row).containsEntry("name", "Green tea").containsEntry("list_price", 3.5)
                .containsEntry("write_date", "2026-11-21 11:30:00");
        assertThat(t.orm.writeDateMicros("product.product", other)).isEqualTo("2026-11-21 10:00:00.100000");
    }
}
