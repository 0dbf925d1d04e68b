package dev.odoobridge.serve.internal;

import dev.odoobridge.serve.ReadinessProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the readiness probes in parallel, each with a deadline, and says which failed and why. A
 * probe that hangs past its deadline counts as failed (its thread is left to finish on its own).
 */
public final class Readiness implements AutoCloseable {
    private final Map<String, ReadinessProbe> probes;
    private final Duration deadline;
    private final ThreadPoolExecutor pool;

    /** The outcome: each probe's answer ({@code ok} or the reason) in registration order. */
    public record Result(Map<String, String> checks) {
        /** True when every probe answered ok. */
        public boolean ready() {
            return checks.values().stream().allMatch("ok"::equals);
        }

        /** The names of the failing probes. */
        public List<String> failing() {
            return checks.entrySet().stream().filter(e -> !"ok".equals(e.getValue())).map(Map.Entry::getKey).toList();
        }
    }

    /** Over these probes, each given {@code deadline}. */
    public Readiness(Map<String, ReadinessProbe> probes, Duration deadline) {
        this.probes = new LinkedHashMap<>(probes);
        this.deadline = deadline;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, 32, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "serve-probe-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs every probe. */
    public Result check() {
        Map<String, Future<?>> running = new LinkedHashMap<>();
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, ReadinessProbe> p : probes.entrySet()) {
            try {
                running.put(p.getKey(), pool.submit(() -> {
                    p.getValue().check();
                    return null;
                }));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                out.put(p.getKey(), "not checked: too many probes still hanging");
            }
        }
        long end = System.nanoTime() + deadline.toNanos();
        for (Map.Entry<String, Future<?>> r : running.entrySet()) {
            try {
                r.getValue().get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                out.put(r.getKey(), "ok");
            } catch (TimeoutException e) {
                r.getValue().cancel(true);
                out.put(r.getKey(), "no answer within " + deadline.toMillis() + " ms");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                out.put(r.getKey(), message.length() > 300 ? message.substring(0, 300) + "..." : message);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.put(r.getKey(), "interrupted");
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        probes.keySet().forEach(k -> ordered.put(k, out.get(k)));
        return new Result(ordered);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
