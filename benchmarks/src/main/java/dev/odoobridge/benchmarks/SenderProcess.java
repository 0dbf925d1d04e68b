package dev.odoobridge.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link PacedSender} in a JVM of its own (small heap, serial GC, C1 only: it stays cheap beside the measured
 * process, whose cores it still shares). Its times are {@link System#nanoTime()} of the same monotonic clock:
 * checked at start by round trips (the child's reading must fall between the two readings taken here).
 */
final class SenderProcess implements AutoCloseable {
    private final Process child;
    private final BufferedReader in;
    private final PrintStream commands;
    private final long roundTripNanos;

    private SenderProcess(Process child) throws IOException {
        this.child = child;
        this.in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
        expect("ready");
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            commands.println("clock");
            long theirs = Long.parseLong(expect("clock ").substring(6));
            long t1 = System.nanoTime();
            if (theirs < t0 || theirs > t1) {
                throw new IllegalStateException("the sender JVM's monotonic clock is not this one's (" + theirs
                        + " outside " + t0 + " .. " + t1 + "); send from this process instead");
            }
            best = Math.min(best, t1 - t0);
        }
        this.roundTripNanos = best;
    }

    /** Starts the sender for {@code 127.0.0.1:port} with {@code senders} connections. */
    static SenderProcess start(int port, int senders) throws IOException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a young generation that a phase of requests does not fill: a collection pauses every sender
                // thread, and the requests due meanwhile leave late (measured: 1-12 ms every 3-6 s at 1,000/s with
                // the 64 MB heap this had); a benchmark may empty it before a paced phase and ask for its collections
                // ("collect", "gc": the read API run does both)
                "-Xms256m", "-Xmx256m", "-Xmn192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                PacedSender.class.getName(), "127.0.0.1", String.valueOf(port), String.valueOf(senders));
        Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            return new SenderProcess(child);
        } catch (IOException | RuntimeException e) {
            child.destroyForcibly();
            throw e;
        }
    }

    /** The best round trip of the clock check. */
    long roundTripNanos() {
        return roundTripNanos;
    }

    /**
     * The child's garbage collections so far: how many, and their time in milliseconds.
     *
     * @param collectFirst to collect garbage first (before a phase), not counted in what this answers
     */
    long[] collections(boolean collectFirst) throws IOException {
        command(collectFirst ? "collect" : "gc");
        String[] gc = expect("gc ").split(" ");
        return new long[] {Long.parseLong(gc[1]), Long.parseLong(gc[2])};
    }

    /** Sends one command line. */
    void command(String line) {
        commands.println(line);
    }

    /** The child's next line, which must start with {@code prefix}. */
    String expect(String prefix) throws IOException {
        String line = in.readLine();
        if (line == null || !line.startsWith(prefix)) {
            throw new IllegalStateException("the sender JVM answered '" + line + "', expected '" + prefix + "...'");
        }
        return line;
    }

    /** The child's CPU time so far. */
    long cpuNanos() throws IOException {
        command("cpu");
        return Long.parseLong(expect("cpu ").substring(4));
    }

    /** Reads a phase's {@code end} line; throws when any request failed; returns the most late send. */
    long end() throws IOException {
        String[] end = expect("end ").split(" ", 4);
        if (!end[1].equals("0")) {
            throw new IllegalStateException(end[1] + " requests failed in the sender JVM, the first: " + end[3]);
        }
        return Long.parseLong(end[2]);
    }

    /**
     * GETs the paths paced at {@code rate}/s (0: one after the other on one connection) as an {@link OpenLoop} would,
     * each request's latency counted from its due time; the paths go to the child through a file in {@code dir}.
     */
    OpenLoop.Result gets(double rate, List<String> paths, Path dir) throws IOException {
        Path file = Files.createTempFile(dir, "paths", ".txt");
        try {
            Files.write(file, paths, StandardCharsets.UTF_8);
            command("gets " + rate + " " + file);
            long[] latency = new long[paths.size()];
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (int i = 0; i < latency.length; i++) {
                String[] g = expect("g ").split(" ");
                long due = Long.parseLong(g[2]);
                long answered = Long.parseLong(g[3]);
                latency[Integer.parseInt(g[1])] = answered - due;
                first = Math.min(first, due);
                last = Math.max(last, answered);
            }
            String[] end = expect("end ").split(" ", 4);
            int failed = Integer.parseInt(end[1]);
            if (failed > 0) {
                System.err.println(failed + " requests failed in the sender JVM, the first: " + end[3]);
            }
            Arrays.sort(latency);
            return new OpenLoop.Result(paths.size(), failed, latency, Math.max(1, last - first), 0);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() {
        commands.println("quit");
        try {
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
