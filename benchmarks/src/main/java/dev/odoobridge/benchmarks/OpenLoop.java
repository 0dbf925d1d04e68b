package dev.odoobridge.benchmarks;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: request {@code i} is due at {@code start + i / rate}, whatever happened to the
 * requests before it, and its latency is counted from that due time, not from when a thread got round to sending
 * it. A server that stalls therefore shows its stall in the tail (no coordinated omission): the requests that
 * queued behind it count their wait. Requests run on a fixed pool of sender threads.
 */
final class OpenLoop {
    /** One request; returns normally when the answer was the expected one, throws otherwise. */
    interface Call {
        void run(int i) throws Exception;
    }

    /**
     * What one run measured.
     *
     * @param sent requests due in the run
     * @param failed requests that threw
     * @param latencyNanos every request's latency from its due time, sorted
     * @param elapsedNanos from the first due time to the last answer
     * @param unfinished requests without an answer when the run gave up waiting
     */
    record Result(int sent, int failed, long[] latencyNanos, long elapsedNanos, int unfinished) {
        double percentileMs(double p) {
            if (latencyNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latencyNanos.length) - 1;
            return latencyNanos[Math.max(0, Math.min(latencyNanos.length - 1, i))] / 1e6;
        }

        double maxMs() {
            return latencyNanos.length == 0 ? Double.NaN : latencyNanos[latencyNanos.length - 1] / 1e6;
        }

        /** Answers per second over the run, from the first due time to the last answer. */
        double throughput() {
            return latencyNanos.length / (elapsedNanos / 1e9);
        }

        String describe() {
            return String.format("p50 %7.2f ms  p99 %8.2f ms  max %8.2f ms  %6.0f answers/s (%d sent, %d failed%s)",
                    percentileMs(50), percentileMs(99), maxMs(), throughput(), sent, failed,
                    unfinished == 0 ? "" : ", " + unfinished + " unanswered after the wait");
        }
    }

    private OpenLoop() {
    }

    /**
     * Sends {@code rate × seconds} requests at a fixed rate on {@code threads} senders and waits at most
     * {@code maxWaitSeconds} after the last one is due.
     */
    static Result run(double rate, double seconds, int threads, double maxWaitSeconds, Call call) throws InterruptedException {
        int n = (int) Math.round(rate * seconds);
        long period = Math.round(1e9 / rate);
        long[] latency = new long[n];
        Arrays.fill(latency, -1);
        AtomicInteger failed = new AtomicInteger();
        long[] lastDone = {0};
        ExecutorService senders = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "open-loop-sender");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime() + 20_000_000;
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            senders.execute(() -> {
                try {
                    call.run(index);
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
                long done = System.nanoTime();
                latency[index] = done - due;
                synchronized (lastDone) {
                    lastDone[0] = Math.max(lastDone[0], done);
                }
            });
        }
        senders.shutdown();
        boolean finished = senders.awaitTermination((long) (maxWaitSeconds * 1000), TimeUnit.MILLISECONDS);
        if (!finished) {
            senders.shutdownNow();
        }
        long[] answered = Arrays.stream(latency.clone()).filter(l -> l >= 0).sorted().toArray();
        long end;
        synchronized (lastDone) {
            end = lastDone[0];
        }
        return new Result(n, failed.get(), answered, Math.max(1, end - start), n - answered.length);
    }
}
