package dev.odoobridge.sync.faults;

import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.sync.SyncListener;
import java.util.concurrent.atomic.AtomicInteger;

/** Fault triggers for the restart tests: an action run once, when the n-th page has been applied. */
final class AfterPage {
    private AfterPage() {
    }

    /** A listener running {@code action} once, right after page {@code page} (1-based) was applied. */
    static SyncListener run(int page, Runnable action) {
        AtomicInteger pages = new AtomicInteger();
        return new SyncListener() {
            @Override
            public void pageApplied(String source, String model, int records, ApplyResult result) {
                if (pages.incrementAndGet() == page) {
                    action.run();
                }
            }
        };
    }

    /** {@code action} run on a thread of its own (as another component would), waited for. */
    static Runnable onOwnThread(String name, Runnable action) {
        return () -> {
            Thread t = new Thread(action, name);
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
