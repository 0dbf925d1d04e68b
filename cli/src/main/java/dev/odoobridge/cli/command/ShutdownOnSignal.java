package dev.odoobridge.cli.command;

import java.util.concurrent.CountDownLatch;

/**
 * A JVM shutdown hook (SIGTERM, Ctrl-C) that runs a graceful stop and holds the JVM until it is
 * done; the command's thread waits in {@link #awaitSignal()} and returns once the stop completed.
 */
final class ShutdownOnSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ShutdownOnSignal() {
    }

    /** Installs the hook; {@code stop} runs once, on the hook's thread. */
    static ShutdownOnSignal install(String name, Runnable stop) {
        ShutdownOnSignal s = new ShutdownOnSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } finally {
                s.stopped.countDown();
            }
        }, name));
        return s;
    }

    /** Blocks until the signal came and the stop finished. */
    void awaitSignal() throws InterruptedException {
        stopped.await();
    }
}
