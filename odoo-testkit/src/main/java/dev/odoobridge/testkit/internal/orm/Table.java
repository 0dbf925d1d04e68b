package dev.odoobridge.testkit.internal.orm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * The rows of one model, indexed by id (array slot = id), with the bookkeeping columns in primitive arrays, an
 * ordered index on write_date (microseconds, then id) and inverse indexes for selected many2one fields. Not
 * thread-safe: the ORM's lock guards it.
 */
final class Table {
    private final ModelDef model;
    private Object[][] rows = new Object[64][];
    private long[] createMicros = new long[64];
    private long[] writeMicros = new long[64];
    private int[] createUids = new int[64];
    private int[] writeUids = new int[64];
    private int nextId = 1;
    private int size;
    private long changes;
    private final TreeMap<Long, Object> byWriteDate = new TreeMap<>();
    private final Map<String, Map<Integer, IntList>> inverse = new HashMap<>();

    Table(ModelDef model, Set<String> indexedMany2ones) {
        this.model = model;
        for (String field : indexedMany2ones) {
            inverse.put(field, new HashMap<>());
        }
    }

    ModelDef model() {
        return model;
    }

    int size() {
        return size;
    }

    /** How many times rows were inserted, updated, deleted or restored: tells cached views they are stale. */
    long changes() {
        return changes;
    }

    /** Highest id handed out so far. */
    int maxId() {
        return nextId - 1;
    }

    boolean exists(int id) {
        return id > 0 && id < nextId && rows[id] != null;
    }

    Object[] row(int id) {
        return exists(id) ? rows[id] : null;
    }

    Object value(int id, FieldDef field) {
        Object[] row = rows[id];
        return field.column() < row.length ? row[field.column()] : null;
    }

    long createMicros(int id) {
        return createMicros[id];
    }

    long writeMicros(int id) {
        return writeMicros[id];
    }

    int createUid(int id) {
        return createUids[id];
    }

    int writeUid(int id) {
        return writeUids[id];
    }

    /** Stores a new row and returns its id. */
    int insert(Object[] values, long created, long written, int uid) {
        changes++;
        Object[] row = trim(values);
        int id = nextId++;
        if (id >= rows.length) {
            int capacity = rows.length * 2;
            rows = Arrays.copyOf(rows, capacity);
            createMicros = Arrays.copyOf(createMicros, capacity);
            writeMicros = Arrays.copyOf(writeMicros, capacity);
            createUids = Arrays.copyOf(createUids, capacity);
            writeUids = Arrays.copyOf(writeUids, capacity);
        }
        rows[id] = row;
        createMicros[id] = created;
        writeMicros[id] = written;
        createUids[id] = uid;
        writeUids[id] = uid;
        size++;
        indexWriteDate(id, written);
        inverse.forEach((field, index) -> link(index, row, field, id));
        return id;
    }

    /** Replaces a row's values and write stamp. */
    void update(int id, Object[] values, long written, int uid) {
        changes++;
        Object[] row = trim(values);
        Object[] old = rows[id];
        inverse.forEach((field, index) -> {
            unlink(index, old, field, id);
            link(index, row, field, id);
        });
        unindexWriteDate(id, writeMicros[id]);
        rows[id] = row;
        writeMicros[id] = written;
        writeUids[id] = uid;
        indexWriteDate(id, written);
    }

    void delete(int id) {
        changes++;
        Object[] old = rows[id];
        inverse.forEach((field, index) -> unlink(index, old, field, id));
        unindexWriteDate(id, writeMicros[id]);
        rows[id] = null;
        size--;
    }

    /**
     * The row without its trailing empty values: real schemas have many stored fields that FakeOdoo's writers
     * leave empty, and a short row reads them as null ({@link #value}).
     */
    private static Object[] trim(Object[] row) {
        int length = row.length;
        while (length > 0 && row[length - 1] == null) {
            length--;
        }
        return length == row.length ? row : Arrays.copyOf(row, length);
    }

    /** Ids whose indexed many2one {@code field} points at {@code target}, or null when the field is not indexed. */
    int[] referencing(String field, int target) {
        Map<Integer, IntList> index = inverse.get(field);
        if (index == null) {
            return null;
        }
        IntList ids = index.get(target);
        return ids == null ? new int[0] : ids.toArray();
    }

    /** Puts back a row exactly as it was (undo of a rolled-back change); the id must have been handed out. */
    void restore(int id, Object[] row, long created, long written, int createUid, int writeUid) {
        changes++;
        if (rows[id] != null) {
            delete(id);
        }
        rows[id] = row;
        createMicros[id] = created;
        writeMicros[id] = written;
        createUids[id] = createUid;
        writeUids[id] = writeUid;
        size++;
        indexWriteDate(id, written);
        inverse.forEach((field, index) -> link(index, row, field, id));
    }

    /** Visits existing ids from {@code fromId} upwards until the visitor returns false. */
    void scanIds(int fromId, IdVisitor visitor) {
        for (int id = Math.max(1, fromId); id < nextId; id++) {
            if (rows[id] != null && !visitor.visit(id)) {
                return;
            }
        }
    }

    /** Visits existing ids from {@code fromId} downwards until the visitor returns false. */
    void scanIdsDescending(int fromId, IdVisitor visitor) {
        for (int id = Math.min(fromId, nextId - 1); id > 0; id--) {
            if (rows[id] != null && !visitor.visit(id)) {
                return;
            }
        }
    }

    /** Visits ids in (write micros, id) order starting at {@code fromMicros}, until the visitor returns false. */
    void scanWriteDate(long fromMicros, boolean descending, IdVisitor visitor) {
        NavigableMap<Long, Object> range = descending ? byWriteDate.headMap(fromMicros, true).descendingMap()
                : byWriteDate.tailMap(fromMicros, true);
        for (Object bucket : range.values()) {
            if (bucket instanceof Integer single) {
                if (!visitor.visit(single)) {
                    return;
                }
            } else {
                IntList ids = (IntList) bucket;
                for (int i = 0; i < ids.size(); i++) {
                    if (!visitor.visit(ids.get(descending ? ids.size() - 1 - i : i))) {
                        return;
                    }
                }
            }
        }
    }

    void forEachId(IntConsumer consumer) {
        scanIds(1, id -> {
            consumer.accept(id);
            return true;
        });
    }

    /** Grows the schema-independent arrays, not needed for rows: rows shorter than the model are read as empty. */
    Object[] copyRow(int id) {
        Object[] row = rows[id];
        return Arrays.copyOf(row, Math.max(row.length, model.columns()));
    }

    private void indexWriteDate(int id, long micros) {
        Object bucket = byWriteDate.get(micros);
        if (bucket == null) {
            byWriteDate.put(micros, id);
        } else if (bucket instanceof Integer single) {
            IntList ids = new IntList();
            ids.add(single);
            ids.add(id);
            byWriteDate.put(micros, ids);
        } else {
            ((IntList) bucket).add(id);
        }
    }

    private void unindexWriteDate(int id, long micros) {
        Object bucket = byWriteDate.get(micros);
        if (bucket instanceof Integer) {
            byWriteDate.remove(micros);
        } else if (bucket != null) {
            IntList ids = (IntList) bucket;
            ids.remove(id);
            if (ids.size() == 0) {
                byWriteDate.remove(micros);
            }
        }
    }

    private void link(Map<Integer, IntList> index, Object[] row, String field, int id) {
        Integer target = target(row, field);
        if (target != null) {
            index.computeIfAbsent(target, t -> new IntList()).add(id);
        }
    }

    private void unlink(Map<Integer, IntList> index, Object[] row, String field, int id) {
        Integer target = target(row, field);
        if (target != null) {
            IntList ids = index.get(target);
            if (ids != null) {
                ids.remove(id);
                if (ids.size() == 0) {
                    index.remove(target);
                }
            }
        }
    }

    private Integer target(Object[] row, String field) {
        int column = model.field(field).column();
        return column < row.length ? (Integer) row[column] : null;
    }

    /** Receives ids during a scan. */
    @FunctionalInterface
    interface IdVisitor {
        /** Returns false to stop the scan. */
        boolean visit(int id);
    }
}
