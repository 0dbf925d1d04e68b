package dev.odoobridge.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The serve benchmark's webhook sender, run in a JVM of its own so that posting costs the measured
 * process nothing: {@code senders} threads, each on its own keep-alive HTTP/1.1 connection (plain
 * sockets, TCP_NODELAY, one write per request), post {@code {"_id": <id>, "_model": <model>}} paced at
 * a rate, and report when each post was sent ({@link System#nanoTime()}, the machine's monotonic clock,
 * which the parent checks it shares). Commands on standard input, one a line: {@code clock} (answers
 * {@code clock <nanoTime>}), {@code phase <first id> <events> <rate>} (answers {@code s <id> <sent nanos>
 * <answered nanos>} per post, then {@code end <failed> <most late nanos> <first failure>}), {@code quit}.
 */
public final class ServeSender {
    private final String host;
    private final int port;
    private final String path;
    private final String model;
    private final int senders;
    private final List<Connection> connections = new ArrayList<>();

    private ServeSender(String host, int port, String path, String model, int senders) {
        this.host = host;
        this.port = port;
        this.path = path;
        this.model = model;
        this.senders = senders;
        for (int t = 0; t < senders; t++) {
            connections.add(new Connection());
        }
    }

    /** {@code <host> <port> <path> <model> <senders>}. */
    public static void main(String[] args) throws Exception {
        ServeSender sender = new ServeSender(args[0], Integer.parseInt(args[1]), args[2], args[3], Integer.parseInt(args[4]));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        out.println("ready");
        out.flush();
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            String[] cmd = line.trim().split(" ");
            if (cmd[0].equals("clock")) {
                out.println("clock " + System.nanoTime());
            } else if (cmd[0].equals("phase")) {
                sender.phase(Long.parseLong(cmd[1]), Integer.parseInt(cmd[2]), Integer.parseInt(cmd[3]), out);
            } else {
                out.println("end 1 0 unknown command: " + line);
            }
            out.flush();
        }
    }

    /** Posts ids {@code first .. first + events - 1}, post {@code i} due at {@code start + i / rate}. */
    private void phase(long first, int events, int rate, PrintStream out) throws Exception {
        long[] sent = new long[events];
        long[] answered = new long[events];
        AtomicLong failed = new AtomicLong();
        AtomicLong mostLate = new AtomicLong();
        String[] firstFailure = {"-"};
        AtomicLong index = new AtomicLong();
        // a connection left idle since the last phase may have been closed by the server's idle timeout: start afresh
        for (Connection connection : connections) {
            connection.close();
            connection.open();
        }
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long start = System.nanoTime() + 20_000_000;
        List<Future<?>> running = new ArrayList<>();
        for (Connection connection : connections) {
            running.add(pool.submit(() -> {
                for (long i = index.getAndIncrement(); i < events; i = index.getAndIncrement()) {
                    long due = start + i * 1_000_000_000L / rate;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    long id = first + i;
                    byte[] request = request(id);
                    long t0 = System.nanoTime();
                    sent[(int) i] = t0;
                    mostLate.accumulateAndGet(t0 - due, Math::max);
                    try {
                        int status = connection.post(request);
                        answered[(int) i] = System.nanoTime();
                        if (status != 202) {
                            throw new IOException("post " + id + " answered " + status);
                        }
                    } catch (IOException e) {
                        if (failed.getAndIncrement() == 0) {
                            firstFailure[0] = e.toString().replace('\n', ' ');
                        }
                        connection.close();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        StringBuilder lines = new StringBuilder(events * 24);
        for (int i = 0; i < events; i++) {
            lines.append("s ").append(first + i).append(' ').append(sent[i]).append(' ').append(answered[i]).append('\n');
        }
        out.print(lines);
        out.println("end " + failed.get() + " " + mostLate.get() + " " + firstFailure[0]);
    }

    private byte[] request(long id) {
        byte[] body = ("{\"_id\": " + id + ", \"_model\": \"" + model + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /** One keep-alive connection, opened on first use and again after the server closed it. */
    private final class Connection {
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        int post(byte[] request) throws IOException {
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
            long length = -1;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = colon < 0 ? header : header.substring(0, colon).trim();
                String value = colon < 0 ? "" : header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            if (length < 0) {
                throw new IOException("answer without Content-Length");
            }
            in.skipNBytes(length);
            if (close) {
                close();
            }
            return Integer.parseInt(parts[1]);
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
