package dev.odoobridge.cli.command;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JVM shutdown hook (SIGTERM, Ctrl-C) that runs a graceful stop and holds the JVM until it is
 * done. The command's thread waits in {@link #awaitSignal()}; {@link #close()} (in its finally) stops
 * at once when the command ends another way (interrupted) and removes the hook.
 */
final class ShutdownOnSignal implements AutoCloseable {
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean ran = new AtomicBoolean();
    private final Runnable stop;
    private final Thread hook;

    private ShutdownOnSignal(String name, Runnable stop) {
        this.stop = stop;
        this.hook = new Thread(this::stopOnce, name);
    }

    /** Installs the hook; {@code stop} runs once, on the hook's thread or in {@link #close()}. */
    static ShutdownOnSignal install(String name, Runnable stop) {
        ShutdownOnSignal s = new ShutdownOnSignal(name, stop);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    private void stopOnce() {
        if (ran.compareAndSet(false, true)) {
            try {
                stop.run();
            } finally {
                stopped.countDown();
            }
        }
    }

    /** Blocks until the signal came and the stop finished. */
    void awaitSignal() throws InterruptedException {
        stopped.await();
    }

    /** Stops now unless the signal already did, and removes the hook. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is shutting down: the hook runs (or ran) the stop
            return;
        }
        stopOnce();
    }
}
