package dev.odoobridge.benchmarks;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.Transport;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.RecordFetcher;
import dev.odoobridge.sync.webhook.WebhookProcessor;
import dev.odoobridge.serve.WebhookServer;
import dev.odoobridge.sync.webhook.WebhookSource;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.WebhookTrigger;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Odoo writes a partner → FakeOdoo posts its webhook → receiver stores it in the PostgreSQL
 * inbox → processor reads the record back from Odoo and applies it to the embedded read model.
 * Latency is measured from the moment the write call was sent to Odoo to the moment
 * the read model acknowledged the record.
 */
final class WebhookBenchmark {
    private static final String TOKEN = "bench-token-0123456789abcdef";

    private WebhookBenchmark() {
    }

    static void run(Args args, PrintStream out) throws Exception {
        int events = args.integer("events", 2_000);
        int warmup = Math.min(200, events);
        int rate = args.integer("rate", 0); // writes per second; 0 sends each write as soon as the previous returned
        Path work = Files.createTempDirectory("odoo-bridge-hooks");
        try (FakeOdoo odoo = FakeOdoo.builder().build().start();
             OdooClient client = odoo.client(Transport.JSON2);
             StateDatabase db = StateDatabase.embedded(work.resolve("state"));
             ReadModel readModel = ReadModels.open(ReadModelConfig.builder().dataDirectory(work.resolve("mongo"))
                     .projection(PartnerCatalog.PROJECTION).build())) {
            PartnerCatalog.load(odoo, events + warmup);
            Map<Long, Long> sentAt = new ConcurrentHashMap<>();
            long[] latencies = new long[events + warmup + 1];
            CountDownLatch done = new CountDownLatch(events + warmup);
            TimedProjector projector = new TimedProjector(readModel.projector(), records -> {
                long now = System.nanoTime();
                for (OdooRecord rec : records) {
                    Long t0 = sentAt.remove(rec.id());
                    if (t0 != null) {
                        latencies[(int) rec.id()] = now - t0;
                        done.countDown();
                    }
                }
            });
            try (WebhookServer receiver = WebhookServer.builder(db).source(WebhookSource.of(SyncStack.SOURCE, TOKEN))
                         .models(List.of(PartnerCatalog.MODEL)).build().start();
                 WebhookProcessor processor = WebhookProcessor.builder(db, RecordFetcher.odoo(Map.of(SyncStack.SOURCE, client)), projector)
                         .projections(List.of(PartnerCatalog.PROJECTION)).pollInterval(Duration.ofMillis(500)).build().start()) {
                odoo.webhooks().add(PartnerCatalog.MODEL, WebhookTrigger.WRITE,
                        "http://127.0.0.1:" + receiver.port() + receiver.path(SyncStack.SOURCE), "city");
                ModelHandle partners = client.model(PartnerCatalog.MODEL);
                long start = 0;
                long paceFrom = System.nanoTime();
                for (long id = 1; id <= events + warmup; id++) {
                    if (id == warmup + 1) {
                        start = System.nanoTime();
                    }
                    if (rate > 0) {
                        long due = paceFrom + (id - 1) * 1_000_000_000L / rate;
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                    sentAt.put(id, System.nanoTime());
                    partners.write(List.of(id), Map.of("city", "Hook " + id));
                }
                boolean all = done.await(120, TimeUnit.SECONDS);
                double seconds = (System.nanoTime() - start) / 1e9;
                long[] measured = Arrays.copyOfRange(latencies, warmup + 1, events + warmup + 1);
                Arrays.sort(measured);
                out.printf("webhooks (%s): %,d events (after %d warm-up) %s in %.2f s = %,.0f events/s; Odoo write -> read model:"
                                + " p50 %.1f ms, p99 %.1f ms, max %.1f ms (goal p99 < 50 ms)%n",
                        rate > 0 ? "sent at " + rate + " writes/s" : "writes back to back", events, warmup, all ? "all applied" : "NOT ALL APPLIED (" + done.getCount() + " missing)", seconds,
                        events / seconds, measured[events / 2] / 1e6, measured[events * 99 / 100] / 1e6, measured[events - 1] / 1e6);
            }
        } finally {
            WorkDirs.delete(work);
        }
    }
}
