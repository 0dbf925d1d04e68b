package dev.odoobridge.sync.webhook;

import dev.odoobridge.client.OdooRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Hand-written Odoo side: records per (model, id) for one source, every read recorded, failures on demand. */
final class FakeFetcher implements RecordFetcher {
    record Read(String source, String model, List<Long> ids, List<String> fields) {
    }

    record LinkRead(String model, String linkField, List<Long> parentIds) {
    }

    private final String source;
    private final Map<String, Map<Long, OdooRecord>> records = new ConcurrentHashMap<>();
    final List<Read> reads = new CopyOnWriteArrayList<>();
    final List<LinkRead> linkReads = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile RuntimeException failure = new IllegalStateException("Odoo answered 502 Bad Gateway");
    /** Run before each read answers (e.g. to commit a change after a number of reads). */
    volatile Runnable beforeRead = () -> { };

    FakeFetcher(String source) {
        this.source = source;
    }

    void put(String model, long id, Map<String, Object> values) {
        Map<String, Object> row = new java.util.LinkedHashMap<>(values);
        row.put("id", id);
        records.computeIfAbsent(model, m -> new ConcurrentHashMap<>()).put(id, OdooRecord.of(row));
    }

    void remove(String model, long id) {
        records.getOrDefault(model, Map.of()).remove(id);
    }

    @Override
    public List<OdooRecord> read(String src, String model, Collection<Long> ids, List<String> fields) {
        if (!source.equals(src)) {
            throw new IllegalArgumentException("unknown source " + src);
        }
        reads.add(new Read(src, model, List.copyOf(ids), fields));
        beforeRead.run();
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw failure;
        }
        List<OdooRecord> rows = new ArrayList<>();
        Map<Long, OdooRecord> table = records.getOrDefault(model, Map.of());
        for (Long id : ids) {
            OdooRecord r = table.get(id);
            if (r != null) {
                rows.add(r);
            }
        }
        return rows;
    }

    @Override
    public List<OdooRecord> readByLink(String src, String model, String linkField, Collection<Long> parentIds,
                                       List<String> fields) {
        if (!source.equals(src)) {
            throw new IllegalArgumentException("unknown source " + src);
        }
        linkReads.add(new LinkRead(model, linkField, List.copyOf(parentIds)));
        List<OdooRecord> rows = new ArrayList<>();
        for (OdooRecord r : records.getOrDefault(model, Map.of()).values()) {
            if (r.has(linkField) && r.getRef(linkField) != null && parentIds.contains(r.getRef(linkField).id())) {
                rows.add(r);
            }
        }
        return rows;
    }
}
