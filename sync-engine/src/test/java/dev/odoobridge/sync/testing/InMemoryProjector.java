package dev.odoobridge.sync.testing;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.readmodel.Projector;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Projector} in memory with the version guard of the real one (a document is replaced
 * only when the incoming (write_date, fetched_at) is not older), many2one stored as
 * {@code {id, name}}, a stock view (sum of stock.quant quantities per product), an injectable
 * crash on the n-th apply, and a record of how many applies ran at once per (source, model).
 */
public final class InMemoryProjector implements Projector {

    private record Doc(Map<String, Object> fields, Instant writeDate, Instant fetchedAt) {
    }

    private final Map<String, TreeMap<Long, Doc>> collections = new HashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger applyCalls = new AtomicInteger();
    private volatile int crashOnApply = -1;
    private volatile boolean exposeStock = true;

    /** Makes the {@code n}-th apply call from now (1-based) throw, as a crash of MongoDB or the process would. */
    public void crashOnApply(int n) {
        crashOnApply = applyCalls.get() + n;
    }

    /** Whether {@link #stockOnHand} answers (a projector without stock view returns empty). */
    public void exposeStock(boolean on) {
        exposeStock = on;
    }

    /** The highest number of apply calls seen running at once on one (source, model). */
    public int maxConcurrentApplies() {
        return maxInFlight.get();
    }

    /** Apply calls so far. */
    public int applyCalls() {
        return applyCalls.get();
    }

    @Override
    public ApplyResult apply(String source, String model, List<OdooRecord> records, Instant fetchedAt) {
        AtomicInteger running = inFlight.computeIfAbsent(key(source, model), k -> new AtomicInteger());
        int now = running.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            int call = applyCalls.incrementAndGet();
            if (call == crashOnApply) {
                throw new IllegalStateException("injected crash while applying " + records.size() + " " + model + " records");
            }
            for (int i = 0; i < 5; i++) {
                Thread.yield(); // widen the window in which an overlapping apply would be seen
            }
            return store(source, model, records, fetchedAt);
        } finally {
            running.decrementAndGet();
        }
    }

    private synchronized ApplyResult store(String source, String model, List<OdooRecord> records, Instant fetchedAt) {
        TreeMap<Long, Doc> docs = collections.computeIfAbsent(key(source, model), k -> new TreeMap<>());
        int written = 0;
        int stale = 0;
        int unchanged = 0;
        for (OdooRecord r : records) {
            Instant writeDate = r.getInstant("write_date");
            Doc old = docs.get(r.id());
            if (old != null) {
                int cmp = writeDate.compareTo(old.writeDate);
                if (cmp < 0 || (cmp == 0 && fetchedAt.isBefore(old.fetchedAt))) {
                    stale++;
                    continue;
                }
                if (cmp == 0) {
                    unchanged++;
                }
            }
            docs.put(r.id(), new Doc(document(r), writeDate, fetchedAt));
            written++;
        }
        return new ApplyResult(written, stale, unchanged);
    }

    private static Map<String, Object> document(OdooRecord r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        r.asMap().forEach((field, value) -> {
            if (value instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number id && l.get(1) instanceof String name) {
                doc.put(field, Map.of("id", id.longValue(), "name", name));
            } else if (field.endsWith("_date") && value instanceof String s) {
                doc.put(field, r.getInstant(field));
            } else {
                doc.put(field, Boolean.FALSE.equals(value) ? null : value);
            }
        });
        return doc;
    }

    @Override
    public synchronized long delete(String source, String model, Collection<Long> odooIds) {
        TreeMap<Long, Doc> docs = collections.getOrDefault(key(source, model), new TreeMap<>());
        long n = 0;
        for (Long id : odooIds) {
            if (docs.remove(id) != null) {
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized long count(String source, String model, long fromId, long toId) {
        return docs(source, model).subMap(fromId, true, toId, true).size();
    }

    @Override
    public synchronized SortedSet<Long> ids(String source, String model, long fromId, long toId) {
        return new TreeSet<>(docs(source, model).subMap(fromId, true, toId, true).keySet());
    }

    @Override
    public synchronized long maxId(String source, String model) {
        TreeMap<Long, Doc> docs = docs(source, model);
        return docs.isEmpty() ? 0 : docs.lastKey();
    }

    @Override
    public synchronized Optional<Map<String, Object>> find(String source, String model, long odooId) {
        Doc d = docs(source, model).get(odooId);
        return d == null ? Optional.empty() : Optional.of(new LinkedHashMap<>(d.fields));
    }

    @Override
    public synchronized long deleteAll(String source, String model) {
        TreeMap<Long, Doc> removed = collections.remove(key(source, model));
        return removed == null ? 0 : removed.size();
    }

    @Override
    public synchronized OptionalDouble stockOnHand(String source, long productId) {
        if (!exposeStock) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (Doc q : docs(source, "stock.quant").values()) {
            if (q.fields.get("product_id") instanceof Map<?, ?> ref && ((Number) ref.get("id")).longValue() == productId) {
                sum += ((Number) q.fields.get("quantity")).doubleValue();
            }
        }
        return OptionalDouble.of(sum);
    }

    /** Stored documents of (source, model) by id (fields as stored), for assertions. */
    public synchronized Map<Long, Map<String, Object>> documents(String source, String model) {
        Map<Long, Map<String, Object>> out = new TreeMap<>();
        docs(source, model).forEach((id, d) -> out.put(id, new LinkedHashMap<>(d.fields)));
        return out;
    }

    /** Overwrites one stored field behind the sync's back (to simulate drift). */
    public synchronized void tamper(String source, String model, long id, String field, Object value) {
        Doc d = docs(source, model).get(id);
        Map<String, Object> fields = new LinkedHashMap<>(d.fields);
        fields.put(field, value);
        docs(source, model).put(id, new Doc(fields, d.writeDate, d.fetchedAt));
    }

    private TreeMap<Long, Doc> docs(String source, String model) {
        return collections.getOrDefault(key(source, model), new TreeMap<>());
    }

    private static String key(String source, String model) {
        return source + "\u0000" + model;
    }
}
