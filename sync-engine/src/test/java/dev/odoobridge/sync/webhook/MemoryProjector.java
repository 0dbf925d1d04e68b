package dev.odoobridge.sync.webhook;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.readmodel.Projector;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/** In-memory read model with the version guard on (write_date, fetchedAt); reports each applied id. */
final class MemoryProjector implements Projector {
    private record Key(String source, String model, long id) {
    }

    private record Doc(Map<String, Object> values, String writeDate, Instant fetchedAt) {
    }

    private final Map<Key, Doc> docs = new ConcurrentHashMap<>();
    volatile LongConsumer onApplied = id -> { };

    @Override
    public synchronized ApplyResult apply(String source, String model, List<OdooRecord> records, Instant fetchedAt) {
        int written = 0;
        int stale = 0;
        for (OdooRecord r : records) {
            Key key = new Key(source, model, r.id());
            String wd = String.valueOf(r.raw("write_date"));
            Doc old = docs.get(key);
            if (old != null && (old.writeDate().compareTo(wd) > 0
                    || old.writeDate().equals(wd) && old.fetchedAt().isAfter(fetchedAt))) {
                stale++;
                continue;
            }
            docs.put(key, new Doc(r.asMap(), wd, fetchedAt));
            written++;
            onApplied.accept(r.id());
        }
        return new ApplyResult(written, stale, 0);
    }

    @Override
    public synchronized long delete(String source, String model, Collection<Long> odooIds) {
        long n = 0;
        for (Long id : odooIds) {
            if (docs.remove(new Key(source, model, id)) != null) {
                n++;
            }
            onApplied.accept(id);
        }
        return n;
    }

    @Override
    public long count(String source, String model, long fromId, long toId) {
        return ids(source, model, fromId, toId).size();
    }

    @Override
    public SortedSet<Long> ids(String source, String model, long fromId, long toId) {
        TreeSet<Long> ids = new TreeSet<>();
        docs.keySet().stream().filter(k -> k.source().equals(source) && k.model().equals(model)
                && k.id() >= fromId && k.id() <= toId).forEach(k -> ids.add(k.id()));
        return ids;
    }

    @Override
    public long maxId(String source, String model) {
        return ids(source, model, 0, Long.MAX_VALUE).stream().mapToLong(Long::longValue).max().orElse(0);
    }

    @Override
    public Optional<Map<String, Object>> find(String source, String model, long odooId) {
        return Optional.ofNullable(docs.get(new Key(source, model, odooId))).map(Doc::values);
    }

    @Override
    public long deleteAll(String source, String model) {
        return docs.keySet().removeIf(k -> k.source().equals(source) && k.model().equals(model)) ? 1 : 0;
    }
}
