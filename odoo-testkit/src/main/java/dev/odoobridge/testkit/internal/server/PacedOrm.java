package dev.odoobridge.testkit.internal.server;

import dev.odoobridge.testkit.ServingPace;
import dev.odoobridge.testkit.internal.orm.ChangeListener;
import dev.odoobridge.testkit.internal.orm.FaultKind;
import dev.odoobridge.testkit.internal.orm.OrmApi;
import dev.odoobridge.testkit.internal.orm.OrmFault;
import dev.odoobridge.testkit.internal.orm.OrmRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * An {@link OrmApi} serving calls at a {@link ServingPace}: a call takes a worker (waiting, in
 * arrival order, while all are busy), runs, and keeps its worker until the pace's cost for its
 * result has passed. Inserts through the record sink are not paced.
 */
final class PacedOrm implements OrmApi {
    private final OrmApi orm;
    private final ServingPace pace;
    private final Semaphore workers;

    PacedOrm(OrmApi orm, ServingPace pace) {
        this.orm = Objects.requireNonNull(orm, "orm == null");
        this.pace = Objects.requireNonNull(pace, "pace == null");
        this.workers = new Semaphore(pace.workers(), true);
    }

    @Override
    public Object execute(OrmRequest request) {
        try {
            workers.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrmFault(FaultKind.INTERNAL_ERROR, "the server is stopping");
        }
        long start = System.nanoTime();
        try {
            Object result = null;
            try {
                result = orm.execute(request);
                return result;
            } finally {
                hold(start, result instanceof List<?> rows ? rows.size() : 1);
            }
        } finally {
            workers.release();
        }
    }

    /** Sleeps until the call's cost has passed since it got its worker. */
    private void hold(long start, int records) {
        long until = start + pace.cost(records).toNanos();
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void addChangeListener(ChangeListener listener) {
        orm.addChangeListener(listener);
    }

    @Override
    public Set<String> models() {
        return orm.models();
    }

    @Override
    public long insert(String model, Map<String, Object> values) {
        return orm.insert(model, values);
    }
}
