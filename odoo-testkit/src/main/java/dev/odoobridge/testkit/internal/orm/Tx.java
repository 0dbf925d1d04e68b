package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One ORM call's transaction: its start time (every record it writes gets it as write_date), user, the change
 * events it produced, the webhook posts its changes triggered, and an undo log so that a fault rolls everything
 * back.
 *
 * <p>A transaction can be <em>parked</em>: its changes are set aside (the tables show the last committed state
 * again) and kept as after-images until {@link #commitParked()} puts them in place. This is how readers that
 * arrive between an Odoo 17/18 webhook post and the commit see the old record, as PostgreSQL shows them.
 */
final class Tx {
    private final long micros;
    private final int uid;
    private final BiConsumer<Tx, ChangeEvent> beforeCommit;
    private final boolean recordEvents;
    private final List<ChangeEvent> events = new ArrayList<>();
    private final List<WebhookPost> posts = new ArrayList<>();
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final Map<Table, Map<Integer, Boolean>> touched = new LinkedHashMap<>();
    private List<Runnable> parked;

    /**
     * @param micros transaction time in microseconds since the epoch
     * @param uid the calling user
     * @param beforeCommit receives this transaction and each event as it happens (before commit), or null to only
     *                     collect them
     */
    Tx(long micros, int uid, BiConsumer<Tx, ChangeEvent> beforeCommit) {
        this(micros, uid, beforeCommit, true);
    }

    /** A transaction that produces no change events at all when {@code recordEvents} is false (bulk inserts). */
    Tx(long micros, int uid, BiConsumer<Tx, ChangeEvent> beforeCommit, boolean recordEvents) {
        this.micros = micros;
        this.uid = uid;
        this.beforeCommit = beforeCommit;
        this.recordEvents = recordEvents;
    }

    boolean recordsEvents() {
        return recordEvents;
    }

    long micros() {
        return micros;
    }

    int uid() {
        return uid;
    }

    void event(ChangeEvent event) {
        events.add(event);
        if (beforeCommit != null) {
            beforeCommit.accept(this, event);
        }
    }

    List<ChangeEvent> events() {
        return events;
    }

    /** Queues a webhook post triggered by a change of this transaction (kept when it rolls back). */
    void post(WebhookPost post) {
        posts.add(post);
    }

    List<WebhookPost> posts() {
        return posts;
    }

    void onRollback(Runnable action) {
        undo.push(action);
    }

    /** Registers the undo of a change to row {@code id} of {@code table}. */
    void onRollback(Table table, int id, Runnable action) {
        touched.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(id, Boolean.TRUE);
        undo.push(action);
    }

    void rollback() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
        events.clear();
    }

    /**
     * Sets the changes aside: remembers the rows as they are now and undoes the changes, so that the tables show
     * the state before this transaction. Callers hold the write lock.
     */
    void park() {
        List<Runnable> redo = new ArrayList<>();
        touched.forEach((table, ids) -> ids.keySet().forEach(id -> {
            if (table.exists(id)) {
                Object[] row = table.row(id);
                long created = table.createMicros(id);
                long written = table.writeMicros(id);
                int createUid = table.createUid(id);
                int writeUid = table.writeUid(id);
                redo.add(() -> table.restore(id, row, created, written, createUid, writeUid));
            } else {
                redo.add(() -> {
                    if (table.exists(id)) {
                        table.delete(id);
                    }
                });
            }
        }));
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
        parked = redo;
    }

    /** Puts the parked changes in place (the commit). Callers hold the write lock. */
    void commitParked() {
        if (parked != null) {
            parked.forEach(Runnable::run);
            parked = null;
        }
    }
}
