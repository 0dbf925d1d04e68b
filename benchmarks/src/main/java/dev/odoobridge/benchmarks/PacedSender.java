package dev.odoobridge.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The benchmarks' HTTP load, run in a JVM of its own ({@link SenderProcess} starts it) so that sending costs the
 * measured process nothing: {@code senders} threads, each on its own keep-alive HTTP/1.1 connection (plain
 * sockets, TCP_NODELAY, one write per request; opened, and the threads started, before a paced phase's first request
 * is due), send requests paced at a rate: request {@code i} is due at
 * {@code start + i / rate}, and the next free thread sends it then or, when all were busy, as soon as one is free
 * (its lateness counts in its latency: no coordinated omission). Answers are read whole (Content-Length or chunked)
 * and not inflated. Times are {@link System#nanoTime()}, the machine's monotonic clock, which the parent checks it
 * shares.
 *
 * <p>Arguments {@code <host> <port> <senders>}; commands on standard input, one a line:
 * <ul>
 *   <li>{@code clock}: answers {@code clock <nanoTime>};
 *   <li>{@code cpu}: answers {@code cpu <this process's CPU nanos>};
 *   <li>{@code gc}: answers {@code gc <collections> <milliseconds>}, this process's garbage collections so far;
 *   <li>{@code collect}: collects garbage now (before a phase: one inside it would hold back every request due
 *       meanwhile), then answers as {@code gc};
 *   <li>{@code header <Name>: <value>}: sent with every later GET;
 *   <li>{@code posts <path> <model> <first id> <events> <rate>}: posts {@code {"_id": <id>, "_model": <model>}}
 *       (expects 202), answers {@code s <id> <sent> <answered>} per post;
 *   <li>{@code gets <rate> <file>}: GETs each path of the file (one a line, expects 200), answers
 *       {@code g <index> <due> <answered>} per request; rate 0 sends them one after the other on one connection;
 *   <li>{@code quit}.
 * </ul>
 * A phase ends with {@code end <failed> <most late send nanos> <first failure>}.
 */
public final class PacedSender {
    private final String host;
    private final int port;
    private final int senders;
    private final List<String> headers = new ArrayList<>();

    private PacedSender(String host, int port, int senders) {
        this.host = host;
        this.port = port;
        this.senders = senders;
    }

    /** {@code <host> <port> <senders>}. */
    public static void main(String[] args) throws Exception {
        PacedSender sender = new PacedSender(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        out.println("ready");
        out.flush();
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            String[] cmd = line.trim().split(" ");
            switch (cmd[0]) {
                case "clock" -> out.println("clock " + System.nanoTime());
                case "cpu" -> out.println("cpu " + ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime());
                case "gc" -> out.println("gc " + collections());
                case "collect" -> {
                    System.gc();
                    out.println("gc " + collections());
                }
                case "header" -> sender.headers.add(line.substring("header ".length()));
                case "posts" -> sender.posts(cmd[1], cmd[2], Long.parseLong(cmd[3]), Integer.parseInt(cmd[4]),
                        Integer.parseInt(cmd[5]), out);
                case "gets" -> sender.gets(Double.parseDouble(cmd[1]), Path.of(line.substring(line.indexOf(cmd[2]))), out);
                default -> out.println("end 1 0 unknown command: " + line);
            }
            out.flush();
        }
    }

    private static String collections() {
        long count = 0;
        long millis = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return count + " " + millis;
    }

    private void posts(String path, String model, long first, int events, int rate, PrintStream out) throws Exception {
        long[] sent = new long[events];
        long[] answered = new long[events];
        Phase phase = run(events, rate, senders, 202, i -> post(path, model, first + i), new long[events], sent, answered);
        StringBuilder lines = new StringBuilder(events * 24);
        for (int i = 0; i < events; i++) {
            lines.append("s ").append(first + i).append(' ').append(sent[i]).append(' ').append(answered[i]).append('\n');
        }
        out.print(lines);
        phase.end(out);
    }

    private void gets(double rate, Path file, PrintStream out) throws Exception {
        List<String> paths = Files.readAllLines(file, StandardCharsets.UTF_8);
        byte[][] requests = new byte[paths.size()][];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = get(paths.get(i));
        }
        long[] due = new long[requests.length];
        long[] answered = new long[requests.length];
        Phase phase = run(requests.length, rate, rate <= 0 ? 1 : senders, 200, i -> requests[(int) i], due,
                new long[requests.length], answered);
        StringBuilder lines = new StringBuilder(requests.length * 32);
        for (int i = 0; i < requests.length; i++) {
            lines.append("g ").append(i).append(' ').append(due[i]).append(' ').append(answered[i]).append('\n');
        }
        out.print(lines);
        phase.end(out);
    }

    /** What a phase counted. */
    private record Phase(long failed, long mostLate, String firstFailure) {
        void end(PrintStream out) {
            out.println("end " + failed + " " + mostLate + " " + firstFailure);
        }
    }

    /**
     * Sends {@code count} requests on {@code threads} connections, request {@code i} due at {@code start + i / rate}
     * (rate 0: at once, one after the other); fills each one's due, send and answer times.
     */
    private Phase run(int count, double rate, int threads, int expected, LongFunction<byte[]> request, long[] due,
                      long[] sent, long[] answered) throws Exception {
        AtomicLong failed = new AtomicLong();
        AtomicLong mostLate = new AtomicLong();
        String[] firstFailure = {"-"};
        AtomicLong index = new AtomicLong();
        List<Connection> connections = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            // a fresh connection each phase: one idle since the last phase may have been closed by the server
            connections.add(new Connection());
        }
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(threads);
        if (rate > 0) {
            // connected and with their threads started before the first request is due, as keep-alive clients are:
            // 64 connections and threads made within the first milliseconds would delay the first requests by
            // tens of milliseconds on two cores (a connection that fails here is opened again by its first request)
            for (Connection connection : connections) {
                connection.connect();
            }
            pool.prestartAllCoreThreads();
            Thread.sleep(100);
        }
        long start = System.nanoTime() + 20_000_000;
        List<Future<?>> running = new ArrayList<>();
        for (Connection connection : connections) {
            running.add(pool.submit(() -> {
                for (long i = index.getAndIncrement(); i < count; i = index.getAndIncrement()) {
                    long dueAt = rate <= 0 ? System.nanoTime() : start + (long) (i * 1e9 / rate);
                    for (long wait = dueAt - System.nanoTime(); wait > 0; wait = dueAt - System.nanoTime()) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    byte[] bytes = request.apply(i);
                    long t0 = System.nanoTime();
                    due[(int) i] = dueAt;
                    sent[(int) i] = t0;
                    mostLate.accumulateAndGet(t0 - dueAt, Math::max);
                    try {
                        int status = connection.exchange(bytes);
                        answered[(int) i] = System.nanoTime();
                        if (status != expected) {
                            throw new IOException("request " + i + " answered " + status);
                        }
                    } catch (IOException e) {
                        answered[(int) i] = System.nanoTime();
                        if (failed.getAndIncrement() == 0) {
                            firstFailure[0] = e.toString().replace('\n', ' ');
                        }
                        connection.close();
                    }
                }
                connection.close();
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return new Phase(failed.get(), mostLate.get(), firstFailure[0]);
    }

    private byte[] post(String path, String model, long id) {
        byte[] body = ("{\"_id\": " + id + ", \"_model\": \"" + model + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    private byte[] get(String path) {
        StringBuilder head = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':')
                .append(port).append("\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One keep-alive connection, opened on first use and again after the server closed it. */
    private final class Connection {
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        /** Opens the connection now if it is closed; a failure leaves it closed. */
        void connect() {
            if (socket == null) {
                try {
                    open();
                } catch (IOException e) {
                    close();
                }
            }
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
        }

        /** Sends one request and reads its whole answer; returns the status. */
        int exchange(byte[] request) throws IOException {
            if (socket == null) {
                open();
            }
            out.write(request);
            out.flush();
            String status = line();
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + status);
            }
            int code = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = colon < 0 ? header : header.substring(0, colon).trim();
                String value = colon < 0 ? "" : header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    in.skipNBytes(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                in.skipNBytes(length);
            } else if (code != 204 && code != 304) {
                throw new IOException("answer " + code + " without Content-Length or chunks");
            }
            if (close) {
                close();
            }
            return code;
        }

        private long chunkSize() throws IOException {
            String size = line();
            int semicolon = size.indexOf(';');
            return Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed by the server");
                }
                if (b != '\r') {
                    s.append((char) b);
                }
            }
            return s.toString();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing a connection that failed: nothing more to do
                }
                socket = null;
            }
        }
    }
}
