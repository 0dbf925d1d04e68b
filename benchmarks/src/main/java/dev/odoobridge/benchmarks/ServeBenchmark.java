package dev.odoobridge.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.Transport;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.serve.Schedule;
import dev.odoobridge.serve.Serve;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.RecordFetcher;
import dev.odoobridge.sync.webhook.WebhookIntake;
import dev.odoobridge.sync.webhook.WebhookPost;
import dev.odoobridge.sync.webhook.WebhookProcessor;
import dev.odoobridge.sync.webhook.WebhookSource;
import dev.odoobridge.testkit.FakeOdoo;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook post → read model applied under {@link Serve} (Jetty, the PostgreSQL inbox, the processor
 * re-reading from FakeOdoo over JSON-2, the embedded store), at fixed rates, against a baseline measured
 * in the same run: the same kind of events handed straight to the intake and the same processor,
 * without HTTP. Each post's latency runs from the moment it is sent to the read model's acknowledgement
 * of its record ({@link TimedProjector} calls back once the store's apply returned). The posts come from
 * {@link PacedSender} in a child JVM by default ({@code --sender in-process} sends from this JVM with
 * the JDK HttpClient instead). Then the serve process's idle CPU (process and serve's own threads) over
 * an idle period, and its heap after a GC.
 */
final class ServeBenchmark {
    private static final String TOKEN = "bench-token-0123456789abcdef";
    private static final int DEFAULT_SENDERS = 8;

    private ServeBenchmark() {
    }

    static void run(Args args, PrintStream out) throws Exception {
        int events = args.integer("events", 1_000);
        int idleSeconds = args.integer("idle", 30);
        String senderKind = args.string("sender", "child");
        int senders = args.integer("senders", DEFAULT_SENDERS);
        if (!senderKind.equals("child") && !senderKind.equals("in-process")) {
            throw new IllegalArgumentException("--sender is child or in-process, was " + senderKind);
        }
        List<Integer> rates = Arrays.stream(args.string("rates", "100,1000").split(",")).map(String::trim)
                .map(Integer::parseInt).toList();
        int warmup = 200;
        int total = 2 * warmup + rates.size() * 2 * events;
        Path work = Files.createTempDirectory("odoo-bridge-serve-bench");
        try (FakeOdoo odoo = FakeOdoo.builder().build().start();
             OdooClient client = odoo.client(Transport.JSON2);
             StateDatabase db = StateDatabase.embedded(work.resolve("state"));
             ReadModel readModel = ReadModels.open(ReadModelConfig.builder().dataDirectory(work.resolve("mongo"))
                     .projection(PartnerCatalog.PROJECTION).build())) {
            PartnerCatalog.load(odoo, total);
            Visibility visible = new Visibility(total);
            TimedProjector projector = new TimedProjector(readModel.projector(), visible::applied);
            WebhookIntake intake = WebhookIntake.builder(db).source(WebhookSource.of(SyncStack.SOURCE, TOKEN))
                    .models(List.of(PartnerCatalog.MODEL)).build();
            String owner = Serve.newLeaseOwner();
            SyncEngine engine = SyncEngine.builder().source(SyncStack.SOURCE, client).projector(projector)
                    .stateStore(db.stateStore()).projections(List.of(PartnerCatalog.PROJECTION))
                    .lease(owner, Duration.ofMinutes(5)).build();
            WebhookProcessor processor = WebhookProcessor.builder(db, RecordFetcher.odoo(Map.of(SyncStack.SOURCE, client)),
                    projector).projections(List.of(PartnerCatalog.PROJECTION)).build();
            try (Serve serve = Serve.builder(db).syncEngine(engine).leaseOwner(owner).webhooks(intake).processor(processor)
                    .schedule(Schedule.none()).readModel(readModel).odooSources(Map.of(SyncStack.SOURCE, client))
                    .build().start()) {
                Poster direct = paced(senders, id -> {
                    byte[] bytes = body(id).getBytes(StandardCharsets.UTF_8);
                    return intake.receive(new WebhookPost(SyncStack.SOURCE, TOKEN, "POST", h -> null,
                            OptionalLong.of(bytes.length), false, limit -> bytes)).status();
                });
                try (HttpPoster viaHttp = senderKind.equals("child")
                        ? ChildPoster.start(senders, serve.port(), intake.path(SyncStack.SOURCE), out)
                        : InProcessPoster.start(senders, serve.port(), intake.path(SyncStack.SOURCE), out)) {
                    AtomicLong nextId = new AtomicLong(1);
                    phase(viaHttp, warmup, 200, nextId, visible);
                    phase(direct, warmup, 200, nextId, visible);
                    for (int rate : rates) {
                        Phase base = phase(direct, events, rate, nextId, visible);
                        Phase served = phase(viaHttp, events, rate, nextId, visible);
                        out.printf("serve webhooks at %,d events/s, %,d events: post -> read model p50 %.1f ms, p99 %.1f ms,"
                                        + " max %.1f ms (goal p99 < 50 ms); baseline without HTTP p50 %.1f ms, p99 %.1f ms,"
                                        + " max %.1f ms%n    post -> 202 answer p50 %.1f ms, p99 %.1f ms (baseline %.1f ms, %.1f ms);"
                                        + " the latest send %.1f ms behind its due time (baseline %.1f ms)%n", rate, events,
                                ms(served.latencies, 50), ms(served.latencies, 99), ms(served.latencies, 100),
                                ms(base.latencies, 50), ms(base.latencies, 99), ms(base.latencies, 100),
                                ms(served.answers, 50), ms(served.answers, 99), ms(base.answers, 50), ms(base.answers, 99),
                                served.mostLateNanos / 1e6, base.mostLateNanos / 1e6);
                    }
                }
                idle(out, idleSeconds);
            }
        } finally {
            WorkDirs.delete(work);
        }
    }

    @FunctionalInterface
    private interface Sender {
        int send(long id) throws Exception;
    }

    /** Posts ids {@code first .. first + events - 1} paced at {@code rate}/s; fills their send times, returns the most late send. */
    @FunctionalInterface
    private interface Poster {
        long post(long first, int events, int rate, long[] sentAt, long[] answeredAt) throws Exception;
    }

    /** A poster over HTTP that holds resources (connections, a child JVM). */
    private interface HttpPoster extends Poster, AutoCloseable {
    }

    private static String body(long id) {
        return "{\"_id\": " + id + ", \"_model\": \"" + PartnerCatalog.MODEL + "\"}";
    }

    /**
     * When each record was first acknowledged by the read model ({@link TimedProjector} calls back after the
     * store's apply returned), and a latch per phase counting the phase's records.
     */
    private static final class Visibility {
        final long[] sentAt;
        final long[] answeredAt;
        final long[] appliedAt;
        private volatile long first;
        private volatile long end;
        private volatile CountDownLatch pending = new CountDownLatch(0);

        Visibility(int total) {
            this.sentAt = new long[total + 1];
            this.answeredAt = new long[total + 1];
            this.appliedAt = new long[total + 1];
        }

        void expect(long firstId, int events) {
            pending = new CountDownLatch(events);
            first = firstId;
            end = firstId + events;
        }

        void applied(List<OdooRecord> records) {
            long now = System.nanoTime();
            for (OdooRecord rec : records) {
                long id = rec.id();
                if (id >= first && id < end && appliedAt[(int) id] == 0) {
                    appliedAt[(int) id] = now;
                    pending.countDown();
                }
            }
        }
    }

    /**
     * What one phase measured, sorted: post sent to read model, post sent to its answer (the intake's part);
     * and how late the latest send was behind its due time.
     */
    private record Phase(long[] latencies, long[] answers, long mostLateNanos) {
    }

    /** Runs one phase and returns each post's time from being sent to the read model's acknowledgement. */
    private static Phase phase(Poster poster, int events, int rate, AtomicLong nextId, Visibility visible) throws Exception {
        long first = nextId.getAndAdd(events);
        visible.expect(first, events);
        long mostLate = poster.post(first, events, rate, visible.sentAt, visible.answeredAt);
        if (!visible.pending.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(visible.pending.getCount() + " events never reached the read model");
        }
        long[] out = new long[events];
        long[] answers = new long[events];
        for (int i = 0; i < events; i++) {
            int id = (int) (first + i);
            out[i] = visible.appliedAt[id] - visible.sentAt[id];
            answers[i] = visible.answeredAt[id] - visible.sentAt[id];
        }
        Arrays.sort(out);
        Arrays.sort(answers);
        return new Phase(out, answers, mostLate);
    }

    /** Sends from {@code senders} threads of this JVM, post {@code i} due at {@code start + i / rate}. */
    private static Poster paced(int senders, Sender sender) {
        return (first, events, rate, sentAt, answeredAt) -> {
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            long start = System.nanoTime();
            AtomicLong index = new AtomicLong();
            AtomicLong mostLate = new AtomicLong();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < senders; t++) {
                running.add(pool.submit(() -> {
                    for (long i = index.getAndIncrement(); i < events; i = index.getAndIncrement()) {
                        long due = start + i * 1_000_000_000L / rate;
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        long id = first + i;
                        long t0 = System.nanoTime();
                        sentAt[(int) id] = t0;
                        mostLate.accumulateAndGet(t0 - due, Math::max);
                        int status = sender.send(id);
                        answeredAt[(int) id] = System.nanoTime();
                        if (status != 202) {
                            throw new IllegalStateException("post " + id + " answered " + status);
                        }
                    }
                    return null;
                }));
            }
            pool.shutdown();
            for (Future<?> f : running) {
                f.get(10, TimeUnit.MINUTES);
            }
            return mostLate.get();
        };
    }

    /** The JDK HttpClient in this JVM, sharing its CPU with serve (as this benchmark measured before the child sender). */
    private static final class InProcessPoster implements HttpPoster {
        private final Poster poster;

        private InProcessPoster(Poster poster) {
            this.poster = poster;
        }

        static InProcessPoster start(int senders, int port, String path, PrintStream out) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String url = "http://127.0.0.1:" + port + path;
            out.printf("posts sent from this JVM: %d threads on the JDK HttpClient (HTTP/1.1 keep-alive), sharing the"
                    + " process and its CPU with serve%n", senders);
            return new InProcessPoster(paced(senders, id -> http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body(id)))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
        }

        @Override
        public long post(long first, int events, int rate, long[] sentAt, long[] answeredAt) throws Exception {
            return poster.post(first, events, rate, sentAt, answeredAt);
        }

        @Override
        public void close() {
        }
    }

    /** {@link PacedSender} in a JVM of its own, so the posting costs serve's process nothing. */
    private static final class ChildPoster implements HttpPoster {
        private final SenderProcess sender;
        private final String path;

        private ChildPoster(SenderProcess sender, String path) {
            this.sender = sender;
            this.path = path;
        }

        static ChildPoster start(int senders, int port, String path, PrintStream out) throws IOException {
            SenderProcess sender = SenderProcess.start(port, senders);
            out.printf("posts sent from a child JVM (PacedSender): %d threads, each on its own keep-alive HTTP/1.1"
                    + " connection (plain sockets); send times on the shared monotonic clock (checked, round trip"
                    + " %.0f µs); the child shares the machine's cores, not serve's process%n", senders,
                    sender.roundTripNanos() / 1e3);
            return new ChildPoster(sender, path);
        }

        @Override
        public long post(long first, int events, int rate, long[] sentAt, long[] answeredAt) throws IOException {
            sender.command("posts " + path + " " + PartnerCatalog.MODEL + " " + first + " " + events + " " + rate);
            for (int i = 0; i < events; i++) {
                String[] s = sender.expect("s ").split(" ");
                int id = (int) Long.parseLong(s[1]);
                sentAt[id] = Long.parseLong(s[2]);
                answeredAt[id] = Long.parseLong(s[3]);
            }
            return sender.end();
        }

        @Override
        public void close() {
            sender.close();
        }
    }

    private static double ms(long[] sorted, int percentile) {
        int i = percentile >= 100 ? sorted.length - 1 : sorted.length * percentile / 100;
        return sorted[i] / 1e6;
    }

    /** Process CPU and serve's own threads' CPU over an idle period, then the heap after a GC. */
    private static void idle(PrintStream out, int seconds) throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.gc();
        Thread.sleep(1000);
        long process0 = os.getProcessCpuTime();
        long serve0 = serveThreadsCpu(threads);
        Thread.sleep(seconds * 1000L);
        long process = os.getProcessCpuTime() - process0;
        long serve = serveThreadsCpu(threads) - serve0;
        System.gc();
        Thread.sleep(500);
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        out.printf("serve idle for %d s: process CPU %.0f ms (%.2f%% of one core; the JVM also hosts FakeOdoo and the"
                        + " embedded store), serve's threads (HTTP, processor, scheduler) %.0f ms; heap used after GC %.1f MiB%n",
                seconds, process / 1e6, process / 1e7 / seconds, serve / 1e6, heap / 1048576.0);
    }

    private static long serveThreadsCpu(ThreadMXBean threads) {
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            if (name.startsWith("serve-") || name.startsWith("webhook-")) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    sum += cpu;
                }
            }
        }
        return sum;
    }
}
