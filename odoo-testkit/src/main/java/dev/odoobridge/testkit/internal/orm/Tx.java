package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One ORM call's transaction: its start time (every record it writes gets it as write_date), user, the change
 * events it produced and an undo log so that a fault rolls everything back.
 */
final class Tx {
    private final long micros;
    private final int uid;
    private final Consumer<ChangeEvent> beforeCommit;
    private final List<ChangeEvent> events = new ArrayList<>();
    private final Deque<Runnable> undo = new ArrayDeque<>();

    /**
     * @param micros transaction time in microseconds since the epoch
     * @param uid the calling user
     * @param beforeCommit receives each event as it happens (before commit), or null to only collect them
     */
    Tx(long micros, int uid, Consumer<ChangeEvent> beforeCommit) {
        this.micros = micros;
        this.uid = uid;
        this.beforeCommit = beforeCommit;
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
            beforeCommit.accept(event);
        }
    }

    List<ChangeEvent> events() {
        return events;
    }

    void onRollback(Runnable action) {
        undo.push(action);
    }

    void rollback() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
        events.clear();
    }
}
