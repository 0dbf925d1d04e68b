package dev.odoobridge.sync.webhook.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background threads running {@link BatchProcessor} passes: a listener holding one connection
 * that LISTENs on the inbox channel and wakes the workers on every notification, and workers
 * that run passes back to back while full batches come in, then wait for a notification or the
 * poll interval (retries come due without a notification).
 *
 * <p>Each worker has a finisher thread for its passes' bookkeeping (dependents' refresh, mark done):
 * the worker hands a pass over once its records are applied and claims the next one at once, so
 * events posted during a pass wait for the claim, read and apply of the pass before them, not for its
 * bookkeeping. At most one pass per worker is being finished; the worker waits for it before handing
 * over the next, and for the last one before it stops.
 */
public final class InboxWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InboxWorkers.class);

    private final DataSource dataSource;
    private final BatchProcessor batch;
    private final int workerCount;
    private final int batchSize;
    private final Duration pollInterval;
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private long generation;
    private volatile boolean running;

    /** Not started yet. */
    public InboxWorkers(DataSource dataSource, BatchProcessor batch, int workerCount, int batchSize,
                        Duration pollInterval) {
        this.dataSource = dataSource;
        this.batch = batch;
        this.workerCount = workerCount;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
    }

    /** Starts the listener and the workers. */
    public synchronized void start() {
        if (running) {
            throw new IllegalStateException("The webhook processor is already running");
        }
        running = true;
        threads.add(new Thread(this::listen, "webhook-listener"));
        for (int i = 1; i <= workerCount; i++) {
            String finisher = "webhook-finisher-" + i;
            threads.add(new Thread(() -> work(finisher), "webhook-worker-" + i));
        }
        threads.forEach(t -> {
            t.setDaemon(true);
            t.start();
        });
    }

    @Override
    public synchronized void close() {
        running = false;
        wake();
        for (Thread t : threads) {
            try {
                t.join(pollInterval.toMillis() + 10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) {
                LOG.warn("Webhook thread {} did not stop in time", t.getName());
            }
        }
        threads.clear();
    }

    private void work(String finisherName) {
        ExecutorService finisher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, finisherName);
            t.setDaemon(true);
            return t;
        });
        Future<?> finishing = CompletableFuture.completedFuture(null);
        try {
            while (running) {
                long seen = generation();
                BatchProcessor.Pass pass;
                try {
                    pass = batch.apply();
                } catch (RuntimeException e) {
                    LOG.warn("Webhook processing pass failed; retrying after {} ms: {}", pollInterval.toMillis(),
                            e.getMessage(), e);
                    pass = BatchProcessor.Pass.NONE;
                }
                if (pass.claimed() > 0) {
                    awaitFinished(finishing);
                    finishing = finisher.submit(pass::finish);
                }
                if (pass.claimed() < batchSize) {
                    await(seen);
                }
            }
        } finally {
            awaitFinished(finishing);
            finisher.shutdown();
        }
    }

    /** Waits for a pass's bookkeeping; its failure is logged (those events are taken over when their claim expires). */
    private static void awaitFinished(Future<?> finishing) {
        boolean interrupted = false;
        while (true) {
            try {
                finishing.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                LOG.warn("Recording the outcome of webhook events failed; they are taken over when their claim"
                        + " expires: {}", e.getCause().getMessage(), e.getCause());
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + InboxRepository.CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                try {
                    while (running) {
                        PGNotification[] received = pg.getNotifications((int) Math.max(1, pollInterval.toMillis()));
                        if (received != null && received.length > 0) {
                            wake();
                        }
                    }
                } finally {
                    try (Statement s = c.createStatement()) {
                        s.execute("UNLISTEN *");
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("Listening for webhook notifications failed; polling every {} ms until it works again: {}",
                            pollInterval.toMillis(), e.getMessage(), e);
                    sleep(pollInterval);
                }
            }
        }
    }

    private long generation() {
        synchronized (signal) {
            return generation;
        }
    }

    private void wake() {
        synchronized (signal) {
            generation++;
            signal.notifyAll();
        }
    }

    private void await(long seen) {
        long deadline = System.nanoTime() + pollInterval.toNanos();
        synchronized (signal) {
            while (running && generation == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                    return;
                }
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
