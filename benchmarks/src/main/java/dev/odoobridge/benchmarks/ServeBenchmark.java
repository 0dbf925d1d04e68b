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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook post → read model applied under {@link Serve} (Jetty, the PostgreSQL inbox, the processor
 * re-reading from FakeOdoo over JSON-2, the embedded store), at fixed rates, against a baseline measured
 * in the same run: the same kind of events handed straight to the intake and the same processor,
 * without HTTP. Then the serve process's idle CPU (process and serve's own threads) over an idle
 * period, and its heap after a GC.
 */
final class ServeBenchmark {
    private static final String TOKEN = "bench-token-0123456789abcdef";
    private static final int SENDERS = 8;

    private ServeBenchmark() {
    }

    static void run(Args args, PrintStream out) throws Exception {
        int events = args.integer("events", 1_000);
        int idleSeconds = args.integer("idle", 30);
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
            Map<Long, Long> sentAt = new ConcurrentHashMap<>();
            long[] latencies = new long[total + 1];
            CountDownLatch[] done = {new CountDownLatch(0)};
            TimedProjector projector = new TimedProjector(readModel.projector(), records -> {
                long now = System.nanoTime();
                for (OdooRecord rec : records) {
                    Long t0 = sentAt.remove(rec.id());
                    if (t0 != null) {
                        latencies[(int) rec.id()] = now - t0;
                        done[0].countDown();
                    }
                }
            });
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
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                String url = "http://127.0.0.1:" + serve.port() + intake.path(SyncStack.SOURCE);
                Sender viaHttp = id -> {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body(id)))
                            .build(), HttpResponse.BodyHandlers.discarding());
                    return r.statusCode();
                };
                Sender direct = id -> {
                    byte[] bytes = body(id).getBytes(StandardCharsets.UTF_8);
                    return intake.receive(new WebhookPost(SyncStack.SOURCE, TOKEN, "POST", h -> null,
                            OptionalLong.of(bytes.length), false, limit -> bytes)).status();
                };
                AtomicLong nextId = new AtomicLong(1);
                phase(viaHttp, warmup, 200, nextId, sentAt, latencies, done);
                phase(direct, warmup, 200, nextId, sentAt, latencies, done);
                for (int rate : rates) {
                    long[] base = phase(direct, events, rate, nextId, sentAt, latencies, done);
                    long[] served = phase(viaHttp, events, rate, nextId, sentAt, latencies, done);
                    out.printf("serve webhooks at %,d events/s, %,d events: post -> read model p50 %.1f ms, p99 %.1f ms,"
                                    + " max %.1f ms (goal p99 < 50 ms); baseline without HTTP p50 %.1f ms, p99 %.1f ms,"
                                    + " max %.1f ms%n", rate, events, ms(served, 50), ms(served, 99), ms(served, 100),
                            ms(base, 50), ms(base, 99), ms(base, 100));
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

    private static String body(long id) {
        return "{\"_id\": " + id + ", \"_model\": \"" + PartnerCatalog.MODEL + "\"}";
    }

    /** Sends {@code events} posts paced at {@code rate}/s from several threads; returns their latencies, sorted. */
    private static long[] phase(Sender sender, int events, int rate, AtomicLong nextId, Map<Long, Long> sentAt,
                                long[] latencies, CountDownLatch[] done) throws Exception {
        long first = nextId.getAndAdd(events);
        done[0] = new CountDownLatch(events);
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        long start = System.nanoTime();
        AtomicLong index = new AtomicLong();
        for (int t = 0; t < SENDERS; t++) {
            pool.submit(() -> {
                for (long i = index.getAndIncrement(); i < events; i = index.getAndIncrement()) {
                    long due = start + i * 1_000_000_000L / rate;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    long id = first + i;
                    sentAt.put(id, System.nanoTime());
                    int status = sender.send(id);
                    if (status != 202) {
                        throw new IllegalStateException("post " + id + " answered " + status);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        if (!done[0].await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(done[0].getCount() + " events never reached the read model");
        }
        long[] out = Arrays.copyOfRange(latencies, (int) first, (int) (first + events));
        Arrays.sort(out);
        return out;
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
