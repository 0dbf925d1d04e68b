package dev.odoobridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.RetryPolicy;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.spi.OdooClientListener;
import dev.odoobridge.client.value.OdooValues;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.sync.testing.FakeClock;
import dev.odoobridge.sync.testing.InMemoryProjector;
import dev.odoobridge.sync.testing.InMemoryStateStore;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.Fault;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One FakeOdoo source (products in three categories, quants in one internal location), an in-memory
 * projector and state store, and an independent mirror check. Changes are made the way Odoo's users make
 * them: through a client of their own ({@link #users}), at the fake clock's time; back-dated commits and
 * stock (quants, which Odoo's stock moves make) go into the store directly. The engine's own client does
 * not retry, counts its calls per method and can run a hook before each read it sends.
 */
final class Fixture implements AutoCloseable {
    static final String SOURCE = "shop";
    static final String PRODUCT = "product.product";
    static final String QUANT = "stock.quant";
    static final List<String> PRODUCT_FIELDS = List.of("name", "list_price", "categ_id", "active");
    static final List<String> QUANT_FIELDS = List.of("product_id", "quantity");
    private static final Set<String> READS = Set.of("search", "search_read", "search_count", "read");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    final FakeClock clock;
    final FakeOdoo fake;
    /** Odoo's users: the changes tests make go through this client. */
    final OdooClient users;
    /** The client the engine reads with. */
    final OdooClient client;
    InMemoryProjector projector = new InMemoryProjector();
    InMemoryStateStore store;
    private final List<Long> categories = new ArrayList<>();
    private final long location;
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private volatile Runnable beforeEachRead = () -> { };
    private final Object hookLock = new Object();
    private volatile double readFaultRate;
    private Random readFaults = new Random(0);

    Fixture() {
        this(new FakeClock(Instant.parse("2025-03-01T10:00:00Z")));
    }

    /** A source whose write dates follow {@code clock}. */
    Fixture(FakeClock clock) {
        this.clock = clock;
        this.store = new InMemoryStateStore(clock);
        this.fake = FakeOdoo.builder().clock(clock).build().start();
        for (int i = 1; i <= 3; i++) {
            categories.add(fake.orm().insert("product.category", Map.of("name", "Category " + i)));
        }
        this.location = fake.orm().insert("stock.location", Map.of("name", "Stock", "usage", "internal"));
        this.users = fake.client(Transport.JSON2);
        this.client = OdooClients.create(fake.config(Transport.JSON2, FakeOdoo.ADMIN).toBuilder()
                .retryPolicy(RetryPolicy.NONE)
                .listener(new OdooClientListener() {
                    @Override
                    public void requestStarted(CallInfo call) {
                        calls.computeIfAbsent(call.method(), m -> new AtomicLong()).incrementAndGet();
                        if (READS.contains(call.method())) {
                            synchronized (hookLock) { // parallel readers: one hook at a time
                                beforeEachRead.run();
                                if (readFaultRate > 0 && readFaults.nextDouble() < readFaultRate) {
                                    fake.faults().next(Fault.RESET);
                                }
                            }
                        }
                    }
                }).build());
    }

    @Override
    public void close() {
        client.close();
        users.close();
        fake.close();
    }

    SyncEngine.Builder engine(String owner, int pageSize) {
        return SyncEngine.builder()
                .source(SOURCE, client)
                .projector(projector)
                .stateStore(store)
                .projections(List.of(new Projection(PRODUCT, "products", PRODUCT_FIELDS),
                        new Projection(QUANT, "quants", QUANT_FIELDS)))
                .pageSize(pageSize)
                .parallelism(1)
                .lease(owner, Duration.ofMinutes(5))
                .clock(clock);
    }

    /** Starts over with an empty read model and state store, as if no engine had run; Odoo keeps its records. */
    void forgetSync() {
        projector = new InMemoryProjector();
        store = new InMemoryStateStore(clock);
    }

    /** Runs {@code hook} before each read the engine sends (search, search_read, search_count, read). */
    void beforeEachRead(Runnable hook) {
        beforeEachRead = hook;
    }

    /**
     * Drops the connection of this share of the reads the engine sends, before Odoo serves them (drawn
     * from {@code seed}; 0 stops). The engine's client does not retry, so each is a failed read.
     */
    void readFaults(double rate, long seed) {
        synchronized (hookLock) {
            readFaults = new Random(seed);
            readFaultRate = rate;
        }
    }

    /** Requests of one method the engine has sent. */
    long calls(String method) {
        AtomicLong n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    /** Reads of any kind (search, search_read, search_count, read) the engine has sent. */
    long readCalls() {
        return READS.stream().mapToLong(this::calls).sum();
    }

    /** Forgets the engine's calls so far. */
    void resetCalls() {
        calls.clear();
    }

    /** Random creates, writes, archives, unlinks (products and quants) between runs. */
    void mutate(Random random, int operations) {
        for (int i = 0; i < operations; i++) {
            clock.tick(random.nextInt(300_000));
            List<Long> products = ids(PRODUCT);
            List<Long> quants = ids(QUANT);
            int op = random.nextInt(10);
            if (op <= 3 || products.isEmpty()) {
                create(product("n" + i, random.nextInt(50), random.nextInt(3)));
            } else if (op == 4) {
                write(PRODUCT, pick(products, random), Map.of("list_price", (double) random.nextInt(900)));
            } else if (op == 5) {
                write(PRODUCT, pick(products, random), Map.of("active", false));
            } else if (op == 6) {
                unlinkProduct(pick(products, random));
            } else if (op <= 8 || quants.isEmpty()) {
                quant(pick(products, random), random.nextInt(20));
            } else {
                unlink(QUANT, pick(quants, random));
            }
        }
    }

    static long pick(List<Long> ids, Random random) {
        return ids.get(random.nextInt(ids.size()));
    }

    /** Creates a product now, in the first category. */
    long product(String name, double price) {
        clock.tick(137);
        return create(product(name, price, 0));
    }

    /** Values of a new product in category {@code category} (0, 1 or 2). */
    Map<String, Object> product(String name, double price, int category) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("list_price", price);
        v.put("categ_id", categories.get(category));
        v.put("is_storable", true);
        return v;
    }

    /** Creates a product now through Odoo's API. */
    long create(Map<String, Object> values) {
        return users.model(PRODUCT).create(values);
    }

    /** A product whose transaction started at {@code at} (in the past: a back-dated commit), with its microseconds. */
    long insertAt(Map<String, Object> values, Instant at) {
        String stamp = LocalDateTime.ofInstant(at, ZoneOffset.UTC).format(MICROS);
        Map<String, Object> v = new LinkedHashMap<>(values);
        v.put("create_date", stamp);
        v.put("write_date", stamp);
        return fake.orm().insert(PRODUCT, v);
    }

    /** Stock of a product in the internal location, as a stock move leaves it. */
    long quant(long product, double quantity) {
        return fake.orm().insert(QUANT, Map.of("product_id", product, "location_id", location, "quantity", quantity));
    }

    void write(String model, long id, Map<String, ?> values) {
        users.model(model).write(List.of(id), values);
    }

    void unlink(String model, long id) {
        users.model(model).unlink(List.of(id));
    }

    /** Deletes a product after its stock (Odoo refuses to delete a product that quants point at). */
    void unlinkProduct(long product) {
        List<Long> stock = new ArrayList<>();
        rows(QUANT, List.of("product_id")).forEach((id, row) -> {
            if (((Number) ((List<?>) row.get("product_id")).get(0)).longValue() == product) {
                stock.add(id);
            }
        });
        if (!stock.isEmpty()) {
            users.model(QUANT).unlink(stock);
        }
        unlink(PRODUCT, product);
    }

    /** Ids of every record (archived included), ascending. */
    List<Long> ids(String model) {
        return new ArrayList<>(rows(model, List.of("id")).keySet());
    }

    /** Every record of the model as Odoo answers {@code search_read} (whole-second datetimes), by id. */
    Map<Long, Map<String, Object>> rows(String model, List<String> fields) {
        Map<Long, Map<String, Object>> out = new TreeMap<>();
        for (Map<String, Object> row : fake.records(model, fields)) {
            out.put(((Number) row.get("id")).longValue(), row);
        }
        return out;
    }

    /**
     * Asserts that the read model holds exactly Odoo's records of the model, field by field,
     * compared independently of the engine: many2one by id, datetimes by second, False as null.
     */
    void assertMirrors(String source, String model, List<String> fields) {
        List<String> all = new ArrayList<>(fields);
        all.add("write_date");
        Map<Long, Map<String, Object>> odooRows = rows(model, all);
        Map<Long, Map<String, Object>> docs = projector.documents(source, model);
        assertThat(new ArrayList<>(docs.keySet())).as("ids of %s in the read model", model)
                .isEqualTo(new ArrayList<>(odooRows.keySet()));
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
            return OdooValues.parseDatetime(s).toString();
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
