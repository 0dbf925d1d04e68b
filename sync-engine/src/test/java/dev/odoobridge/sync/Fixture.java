package dev.odoobridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.sync.testing.FakeClock;
import dev.odoobridge.sync.testing.FakeOdoo;
import dev.odoobridge.sync.testing.InMemoryProjector;
import dev.odoobridge.sync.testing.InMemoryStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** One fake Odoo source, an in-memory projector and state store, and an independent mirror check. */
final class Fixture {
    static final String SOURCE = "shop";
    static final String PRODUCT = "product.product";
    static final String QUANT = "stock.quant";
    static final List<String> PRODUCT_FIELDS = List.of("name", "list_price", "categ_id", "active");
    static final List<String> QUANT_FIELDS = List.of("product_id", "quantity");

    final FakeClock clock = new FakeClock(Instant.parse("2025-03-01T10:00:00Z"));
    final FakeOdoo odoo = new FakeOdoo(clock).model(PRODUCT, true).model(QUANT, false);
    final InMemoryProjector projector = new InMemoryProjector();
    final InMemoryStateStore store = new InMemoryStateStore(clock);

    SyncEngine.Builder engine(String owner, int pageSize) {
        return SyncEngine.builder()
                .source(SOURCE, odoo.client())
                .projector(projector)
                .stateStore(store)
                .projections(List.of(new Projection(PRODUCT, "products", PRODUCT_FIELDS),
                        new Projection(QUANT, "quants", QUANT_FIELDS)))
                .pageSize(pageSize)
                .parallelism(1)
                .lease(owner, Duration.ofMinutes(5))
                .clock(clock);
    }

    /** Random creates, writes, archives, unlinks (products and quants) between runs. */
    void mutate(Random random, int operations) {
        for (int i = 0; i < operations; i++) {
            clock.tick(random.nextInt(300_000));
            List<Long> products = odoo.ids(PRODUCT);
            List<Long> quants = odoo.ids(QUANT);
            int op = random.nextInt(10);
            if (op <= 3 || products.isEmpty()) {
                odoo.create(PRODUCT, product("n" + i, random.nextInt(50), 1 + random.nextInt(3)));
            } else if (op == 4) {
                odoo.write(PRODUCT, pick(products, random), Map.of("list_price", (double) random.nextInt(900)));
            } else if (op == 5) {
                odoo.archive(PRODUCT, pick(products, random));
            } else if (op == 6) {
                odoo.unlink(PRODUCT, pick(products, random));
            } else if (op <= 8 || quants.isEmpty()) {
                long p = pick(products, random);
                odoo.create(QUANT, Map.of("product_id", List.of(p, "P" + p), "quantity", (double) random.nextInt(20)));
            } else {
                odoo.unlink(QUANT, pick(quants, random));
            }
        }
    }

    static long pick(List<Long> ids, Random random) {
        return ids.get(random.nextInt(ids.size()));
    }

    long product(String name, double price) {
        clock.tick(137);
        return odoo.create(PRODUCT, product(name, price, 1));
    }

    static Map<String, Object> product(String name, double price, long categ) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("list_price", price);
        v.put("categ_id", List.of(categ, "Category " + categ));
        return v;
    }

    /**
     * Asserts that the read model holds exactly Odoo's records of the model, field by field,
     * compared independently of the engine: many2one by id, datetimes by second, False as null.
     */
    void assertMirrors(String source, String model, List<String> fields) {
        List<String> all = new java.util.ArrayList<>(fields);
        all.add("write_date");
        Map<Long, Map<String, Object>> odooRows = odoo.snapshot(model, all);
        Map<Long, Map<String, Object>> docs = projector.documents(source, model);
        assertThat(new java.util.ArrayList<>(docs.keySet())).as("ids of %s in the read model", model)
                .isEqualTo(new java.util.ArrayList<>(odooRows.keySet()));
        Map<Long, Map<String, Object>> expected = new TreeMap<>();
        Map<Long, Map<String, Object>> actual = new TreeMap<>();
        odooRows.forEach((id, row) -> {
            Map<String, Object> e = new TreeMap<>();
            Map<String, Object> a = new TreeMap<>();
            for (String f : all) {
                e.put(f, comparable(row.get(f)));
                a.put(f, comparable(docs.get(id).get(f)));
            }
            expected.put(id, e);
            actual.put(id, a);
        });
        assertThat(actual).as("documents of %s", model).isEqualTo(expected);
    }

    private static Object comparable(Object v) {
        if (v == null || Boolean.FALSE.equals(v)) {
            return "null";
        }
        if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number n) {
            return "ref:" + n.longValue();
        }
        if (v instanceof Map<?, ?> m) {
            return "ref:" + ((Number) m.get("id")).longValue();
        }
        if (v instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
            return dev.odoobridge.client.value.OdooValues.parseDatetime(s).toString();
        }
        if (v instanceof Instant i) {
            return i.toString();
        }
        if (v instanceof Number n) {
            return "num:" + n.doubleValue();
        }
        return v.toString();
    }
}
