package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several threads write (pages of products over overlapping ids, quants that change the stock view, deletes) while
 * a reader keeps taking the safe sequence and reading everything up to it ({@link ChangeWatcher}): no change at or
 * below a safe value appears later, and no two changes share a sequence. With both guards, on standard commands.
 */
class ConcurrentChangesTest {
    private static final int WRITERS = 4;
    private static final int ROUNDS = 25;

    /** A MongoDB server to run the same against ({@code -Dodoobridge.test.mongodb=mongodb://host:port}); none here. */
    static final String SERVER_PROPERTY = "odoobridge.test.mongodb";

    @ParameterizedTest
    @EnumSource(value = GuardStrategy.class, names = {"READ_THEN_WRITE", "CONDITIONAL_FILTER"})
    void noChangeAppearsAtOrBelowASafeSequence(GuardStrategy strategy) throws Exception {
        try (ReadModel model = ReadModels.open(ReadModelConfig.builder().inMemory().guardStrategy(strategy).build());
             ChangeWatcher watcher = ChangeWatcher.of(model, List.of("product_product", "stock_quant", "product_stock"))) {
            writeWhileWatching(model, watcher);
        }
    }

    /**
     * The same on a MongoDB server given by {@value #SERVER_PROPERTY} (a database of its own, dropped afterwards),
     * with the standard commands and registrations in {@code _inflight}; skipped without one (this machine has no
     * MongoDB server: the embedded store's processes test, {@code ConcurrentWriterProcessesIT}, runs the same
     * protocol over the wire).
     */
    @org.junit.jupiter.api.Test
    void noChangeAppearsAtOrBelowASafeSequenceOnAMongoDbServer() throws Exception {
        String uri = System.getProperty(SERVER_PROPERTY, "");
        org.junit.jupiter.api.Assumptions.assumeFalse(uri.isBlank(), "no MongoDB server given (-D" + SERVER_PROPERTY
                + "=mongodb://host:port): the concurrent-writers test on a real MongoDB is skipped");
        String database = "odoo_bridge_changes_" + Long.toHexString(System.nanoTime());
        try (ReadModel model = ReadModels.open(ReadModelConfig.builder().connectionString(uri).database(database)
                     .guardStrategy(GuardStrategy.CONDITIONAL_FILTER).build());
             ChangeWatcher watcher = new ChangeWatcher(model.changes(), uri, database,
                     List.of("product_product", "stock_quant", "product_stock"))) {
            writeWhileWatching(model, watcher);
        } finally {
            try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(uri)) {
                client.getDatabase(database).drop();
            }
        }
    }

    private static void writeWhileWatching(ReadModel model, ChangeWatcher watcher) throws Exception {
        model.projector().apply("shop", "stock.location", List.of(OdooRows.location(5, "WH/Stock", "internal", 1)),
                Instant.now());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                write(model.projector(), writer);
                return null;
            }));
        }
        pool.shutdown();
        while (!pool.isTerminated()) {
            watcher.check();
        }
        for (Future<?> f : writers) {
            f.get(); // a writer's failure fails the test
        }
        watcher.check();
        writing.set(false);
        assertThat(pool.awaitTermination(1, TimeUnit.SECONDS)).isTrue();
        assertThat(watcher.checks()).isGreaterThan(2);
        assertThat(watcher.entriesSeen()).isGreaterThan(40);
    }

    /** Rounds of product pages over ids shared with the other writers, quants of those products, and deletes. */
    static void write(Projector projector, int writer) {
        Random random = new Random(writer);
        for (int round = 0; round < ROUNDS; round++) {
            long from = 1 + random.nextInt(30);
            List<OdooRecord> products = new ArrayList<>();
            List<OdooRecord> quants = new ArrayList<>();
            String writeDate = String.format("2026-11-21 %02d:%02d:%02d", 10 + round / 60, round % 60, writer);
            for (long id = from; id < from + 10; id++) {
                products.add(OdooRows.row(id, writeDate).with("name", "P" + id + " w" + writer + " r" + round)
                        .with("display_name", "P" + id).with("default_code", "C" + id).with("barcode", OdooRows.FALSE)
                        .m2o("product_tmpl_id", id, "T" + id).with("active", true).build());
                quants.add(OdooRows.quant(id, id, 5, round + writer, 0, writeDate));
            }
            projector.apply("shop", "product.product", products, Instant.now());
            projector.apply("shop", "stock.quant", quants, Instant.now());
            if (round % 3 == writer % 3) {
                projector.delete("shop", "stock.quant", List.of(from, from + 1));
                projector.delete("shop", "product.product", List.of(from + 2));
            }
        }
    }
}
