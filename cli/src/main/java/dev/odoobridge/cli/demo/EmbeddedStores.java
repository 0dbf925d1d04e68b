package dev.odoobridge.cli.demo;

import dev.odoobridge.readmodel.Projections;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.state.StateDatabase;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded PostgreSQL (data on disk under the demo directory) and the MongoDB-compatible store
 * (in memory: the fastest embedded option, and the demo's read model is rebuilt by every run),
 * started in the background while FakeOdoo generates its data. Closing stops whichever started;
 * it is idempotent, so a shutdown hook may call it too.
 */
final class EmbeddedStores implements AutoCloseable {
    private final CompletableFuture<StateDatabase> state;
    private final CompletableFuture<ReadModel> readModel;
    private final AtomicBoolean closed = new AtomicBoolean();

    EmbeddedStores(DemoSettings settings) {
        this.state = CompletableFuture.supplyAsync(() -> StateDatabase.embedded(settings.stateDirectory()));
        this.readModel = CompletableFuture.supplyAsync(() -> ReadModels.open(ReadModelConfig.builder()
                .inMemory().projections(readModelProjections()).build()));
    }

    /**
     * The read model's projections, known before FakeOdoo answers: the retail ones and every unit-barcode one
     * (the demo syncs those its server has, see {@link DemoRun}; the others stay empty).
     */
    static java.util.List<dev.odoobridge.readmodel.Projection> readModelProjections() {
        java.util.List<dev.odoobridge.readmodel.Projection> all = new java.util.ArrayList<>(Projections.retail());
        all.addAll(Projections.unitBarcodes());
        return java.util.List.copyOf(all);
    }

    /** The sync state database, waiting for it to be up. */
    StateDatabase state() {
        return await(state);
    }

    /** The read model, waiting for it to be up. */
    ReadModel readModel() {
        return await(readModel);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeWhenStarted(readModel);
        closeWhenStarted(state);
    }

    private static void closeWhenStarted(CompletableFuture<? extends AutoCloseable> future) {
        try {
            future.join().close();
        } catch (CompletionException | CancellationException e) {
            // it never started, so there is nothing to stop; the failure itself was reported by await()
            return;
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop an embedded store: " + e.getMessage(), e);
        }
    }
}
