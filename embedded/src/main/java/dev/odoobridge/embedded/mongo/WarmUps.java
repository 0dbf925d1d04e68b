package dev.odoobridge.embedded.mongo;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store's warm-ups of its collections' {@link EncodedDocuments}: one background thread, one collection at a time.
 * A collection asks for its warm-up on its first read that its kept encodings can answer, so the readers of this
 * process (the read API's pages and products, the stock views) find every document already encoded instead of
 * reading it from the file's pages, and decoding and encoding it, on first use. A warm-up stops when the budget is
 * full or the store closes.
 */
final class WarmUps {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUps.class);

    /** One warm-up; {@code stopping} says when the store is closing. */
    interface Task {
        void run(BooleanSupplier stopping);
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "read-model-store-warm-up");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closing;

    /** Runs the warm-up after those asked for before it (nothing once the store closes). */
    void request(String collection, Task task) {
        if (closing) {
            return;
        }
        try {
            thread.execute(() -> {
                long start = System.nanoTime();
                try {
                    task.run(() -> closing);
                    LOG.debug("embedded store: {} warmed up in {} ms", collection, (System.nanoTime() - start) / 1_000_000);
                } catch (RuntimeException e) {
                    LOG.warn("warming up {} of the embedded store failed (its reads stay correct, only slower): {}",
                            collection, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            // closed meanwhile: nothing to warm
        }
    }

    /** Stops the warm-ups (the running one ends after its batch) and waits for it, before the store closes. */
    void close() {
        closing = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("a warm-up of the embedded store did not end within 30 s; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
