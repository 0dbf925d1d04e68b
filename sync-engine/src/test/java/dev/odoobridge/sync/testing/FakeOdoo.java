package dev.odoobridge.sync.testing;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.value.OdooValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory Odoo 19 database for sync tests. Rows keep their {@code write_date} with
 * microseconds (hidden); reads return whole seconds; whole-second domain literals cover the
 * whole second; {@code order 'write_date asc'} sorts by the hidden microseconds. Supports
 * {@code active_test}, limit/offset, id ranges, deletion, back-dated commits, a hook run before
 * every read (to interleave concurrent writes) and injected retryable transport faults.
 * {@code product.product} has a computed {@code qty_available} = sum of its stock.quant quantities.
 * Thread-safe (one lock).
 */
public final class FakeOdoo {

    /** One stored row. */
    static final class Row {
        final long id;
        final Instant createDate;
        Instant writeDate;
        final Map<String, Object> values = new LinkedHashMap<>();

        Row(long id, Instant createDate) {
            this.id = id;
            this.createDate = createDate;
            this.writeDate = createDate;
        }
    }

    private static final class Table {
        final boolean archivable;
        final TreeMap<Long, Row> rows = new TreeMap<>();
        long nextId = 1;

        Table(boolean archivable) {
            this.archivable = archivable;
        }
    }

    private final FakeClock clock;
    private final Map<String, Table> tables = new HashMap<>();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private double faultRate;
    private Random faultRandom = new Random(0);
    private final AtomicLong parentReads = new AtomicLong();
    private Runnable beforeRead = () -> { };
    private boolean inHook;

    /** A database whose write_dates come from {@code clock}. */
    public FakeOdoo(FakeClock clock) {
        this.clock = clock;
    }

    /** The clock. */
    public FakeClock clock() {
        return clock;
    }

    /** Declares a model; archivable models have an {@code active} field (default true). */
    public synchronized FakeOdoo model(String model, boolean archivable) {
        tables.put(model, new Table(archivable));
        return this;
    }

    /** A client on this database. */
    public OdooClient client() {
        return new FakeOdooClient(this);
    }

    /** Creates a record now. */
    public synchronized long create(String model, Map<String, ?> values) {
        return createAt(model, values, clock.instant());
    }

    /** Creates a record whose transaction started at {@code writeDate} (may be in the past: a back-dated commit). */
    public synchronized long createAt(String model, Map<String, ?> values, Instant writeDate) {
        Table t = table(model);
        Row row = new Row(t.nextId++, writeDate);
        if (t.archivable) {
            row.values.put("active", Boolean.TRUE);
        }
        row.values.putAll(values);
        t.rows.put(row.id, row);
        return row.id;
    }

    /** Writes a record now. */
    public synchronized void write(String model, long id, Map<String, ?> values) {
        writeAt(model, id, values, clock.instant());
    }

    /** Writes a record in a transaction that started at {@code writeDate}. */
    public synchronized void writeAt(String model, long id, Map<String, ?> values, Instant writeDate) {
        Row row = existing(model, id);
        row.values.putAll(values);
        row.writeDate = writeDate;
    }

    /** Archives a record now. */
    public synchronized void archive(String model, long id) {
        write(model, id, Map.of("active", Boolean.FALSE));
    }

    /** Deletes a record. */
    public synchronized void unlink(String model, long id) {
        if (table(model).rows.remove(id) == null) {
            throw new IllegalArgumentException(model + " " + id + " does not exist");
        }
    }

    /** Ids of every record (archived included), ascending. */
    public synchronized List<Long> ids(String model) {
        return new ArrayList<>(table(model).rows.keySet());
    }

    /** Every record as {@code read} returns it (whole-second datetimes), by id. */
    public synchronized Map<Long, Map<String, Object>> snapshot(String model, List<String> fields) {
        Map<Long, Map<String, Object>> out = new TreeMap<>();
        for (Row row : table(model).rows.values()) {
            out.put(row.id, wire(model, row, fields).asMap());
        }
        return out;
    }

    /** The hidden write_date (with microseconds) of a record. */
    public synchronized Instant hiddenWriteDate(String model, long id) {
        return existing(model, id).writeDate;
    }

    /** Makes every read fail with a retryable transport error at this rate (as if the client's retries ran out). */
    public synchronized void faults(double rate, long seed) {
        this.faultRate = rate;
        this.faultRandom = new Random(seed);
    }

    /** Runs {@code hook} before every read call (not re-entrantly), e.g. to interleave concurrent writes. */
    public synchronized void beforeEachRead(Runnable hook) {
        this.beforeRead = hook;
    }

    /** Number of calls of one method ({@code search_read}, {@code search}, {@code search_count}, {@code read}). */
    public long calls(String method) {
        AtomicLong n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    /** Number of searches whose domain mentions {@code parent_id} (the contacts-on-their-company refresh). */
    public long parentIdSearches() {
        return parentReads.get();
    }

    /** Number of read calls of any kind. */
    public long totalCalls() {
        return calls.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Resets the call counters. */
    public void resetCalls() {
        calls.clear();
    }

    // ---- the ORM side, used by FakeModelHandle ----

    synchronized List<Row> select(String model, String method, Domain domain, String order, int limit, int offset,
                                  Map<String, Object> context) {
        enter(method);
        if (DomainMatcher.mentions(domain, "parent_id")) {
            parentReads.incrementAndGet();
        }
        Table t = table(model);
        boolean activeTest = t.archivable && !Boolean.FALSE.equals(context.get("active_test"))
                && !DomainMatcher.mentions(domain, "active");
        List<Row> out = new ArrayList<>();
        for (Row row : t.rows.values()) {
            if (activeTest && !Boolean.TRUE.equals(row.values.get("active"))) {
                continue;
            }
            if (DomainMatcher.matches(row, domain)) {
                out.add(row);
            }
        }
        out.sort(comparator(order));
        int from = Math.min(offset, out.size());
        int to = limit > 0 ? Math.min(out.size(), from + limit) : out.size();
        return new ArrayList<>(out.subList(from, to));
    }

    synchronized List<OdooRecord> read(String model, String method, List<Long> ids, List<String> fields) {
        enter(method);
        List<OdooRecord> out = new ArrayList<>();
        for (Long id : ids) {
            Row row = table(model).rows.get(id);
            if (row != null) {
                out.add(wire(model, row, fields));
            }
        }
        return out;
    }

    synchronized OdooRecord wire(String model, Row row, List<String> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id);
        for (String f : fields) {
            switch (f) {
                case "id" -> { }
                case "write_date" -> m.put(f, OdooValues.formatDatetime(row.writeDate));
                case "create_date" -> m.put(f, OdooValues.formatDatetime(row.createDate));
                case "qty_available" -> m.put(f, qtyAvailable(row.id));
                default -> {
                    Object v = row.values.get(f);
                    m.put(f, v == null ? Boolean.FALSE : v);
                }
            }
        }
        return OdooRecord.of(m);
    }

    private double qtyAvailable(long productId) {
        Table quants = tables.get("stock.quant");
        if (quants == null) {
            return 0.0;
        }
        double sum = 0;
        for (Row q : quants.rows.values()) {
            if (q.values.get("product_id") instanceof List<?> ref && ((Number) ref.get(0)).longValue() == productId) {
                sum += ((Number) q.values.get("quantity")).doubleValue();
            }
        }
        return sum;
    }

    private void enter(String method) {
        if (!inHook) {
            inHook = true;
            try {
                beforeRead.run();
            } finally {
                inHook = false;
            }
        }
        calls.computeIfAbsent(method, k -> new AtomicLong()).incrementAndGet();
        if (faultRate > 0 && faultRandom.nextDouble() < faultRate) {
            throw new OdooTransportException(OdooTransportException.Kind.CONNECTION_RESET, 0,
                    "connection reset during " + method + " (injected fault)", null);
        }
    }

    private Table table(String model) {
        Table t = tables.get(model);
        if (t == null) {
            throw new IllegalArgumentException("fake Odoo has no model " + model + "; declare it with model(name, archivable)");
        }
        return t;
    }

    private Row existing(String model, long id) {
        Row row = table(model).rows.get(id);
        if (row == null) {
            throw new IllegalArgumentException(model + " " + id + " does not exist");
        }
        return row;
    }

    /** Odoo order clauses on id, write_date (hidden microseconds) and create_date; ties end by id. */
    private static Comparator<Row> comparator(String order) {
        Comparator<Row> c = null;
        String clause = order == null || order.isBlank() ? "id asc" : order;
        for (String part : clause.split(",")) {
            String[] words = part.trim().split("\\s+");
            Comparator<Row> key = switch (words[0]) {
                case "id" -> Comparator.comparingLong(r -> r.id);
                case "write_date" -> Comparator.comparing(r -> r.writeDate);
                case "create_date" -> Comparator.comparing(r -> r.createDate);
                default -> throw new UnsupportedOperationException("fake Odoo cannot order by " + words[0]);
            };
            if (words.length > 1 && words[1].equalsIgnoreCase("desc")) {
                key = key.reversed();
            }
            c = c == null ? key : c.thenComparing(key);
        }
        return c.thenComparingLong(r -> r.id);
    }
}
