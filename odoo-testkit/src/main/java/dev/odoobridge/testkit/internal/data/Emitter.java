package dev.odoobridge.testkit.internal.data;

import dev.odoobridge.testkit.RecordSink;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Sends records to the sink with Odoo's bookkeeping fields (create/write date and user) and
 * counts them per model. Not thread-safe; one per run.
 */
final class Emitter {

    private final RecordSink sink;
    private final Long userId;
    private final Map<String, long[]> counts = new HashMap<>();
    private final OdooFlavour flavour;

    Emitter(RecordSink sink, long userId, OdooFlavour flavour) {
        this.sink = Objects.requireNonNull(sink, "sink == null");
        this.userId = userId;
        this.flavour = Objects.requireNonNull(flavour, "flavour == null");
    }

    /** The target schema's version and modules. */
    OdooFlavour flavour() {
        return flavour;
    }

    /** A fresh value map sized for {@code fields} entries plus the bookkeeping fields. */
    static Map<String, Object> values(int fields) {
        return new HashMap<>((fields + 4) * 4 / 3 + 1);
    }

    /**
     * Inserts a record created at {@code createSecond} and last written at {@code writeSecond}
     * (epoch seconds) and returns the id the sink assigned.
     */
    long insert(String model, Map<String, Object> values, long createSecond, long writeSecond) {
        if (writeSecond < createSecond) {
            throw new IllegalStateException("write_date before create_date for a " + model + " record");
        }
        String created = WireTime.dateTime(createSecond);
        values.put("create_date", created);
        values.put("write_date", writeSecond == createSecond ? created : WireTime.dateTime(writeSecond));
        values.put("create_uid", userId);
        values.put("write_uid", userId);
        long id = sink.insert(model, values);
        if (id <= 0) {
            throw new IllegalStateException("the record sink returned id " + id + " for a new " + model
                    + " record; ids must be positive");
        }
        counts.computeIfAbsent(model, m -> new long[1])[0]++;
        return id;
    }

    /** The res.users id written as create_uid, write_uid and salesperson. */
    Long userId() {
        return userId;
    }

    /** Records inserted so far, per model, sorted by model name. */
    Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((model, n) -> out.put(model, n[0]));
        return out;
    }
}
