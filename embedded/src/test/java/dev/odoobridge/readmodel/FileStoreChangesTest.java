package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.odoobridge.readmodel.changes.ChangeLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change sequences and tombstones on the file store, written through its in-process fast paths: the same as with
 * standard commands, kept across restarts, and safe while several threads write.
 */
class FileStoreChangesTest {
    private static final Instant F = Instant.parse("2026-11-21T12:00:00Z");
    private static final List<String> SEQUENCED = List.of("product_product", "stock_quant", "product_stock", "stock_location",
            "product_supplierinfo", "stock_warehouse_orderpoint", "stock_move", "lot_stock");

    @TempDir
    Path dir;

    @Test
    void theFastPathsNumberAndTombstoneAsStandardCommandsDo() {
        try (ReadModel memory = ReadModels.open(ReadModelConfig.builder().inMemory().build());
             ReadModel file = ReadModels.open(ReadModelConfig.builder().dataDirectory(dir).build())) {
            for (ReadModel model : List.of(memory, file)) {
                FileStoreFastPathsTest.applyHistory(model.projector());
                model.projector().delete("shop", "product.product", List.of(3L, 4L));
                model.projector().delete("shop", "stock.quant", List.of(4L));
                model.projector().apply("shop", "product.product", List.of(OdooRows.product(3, "Back")), F.plusSeconds(120));
            }
            Map<String, Object> fromFile = everything(file);
            assertThat(fromFile).isEqualTo(everything(memory));
            assertThat(fromFile.toString()).contains("tombstone product_product|shop:4", "tombstone stock_quant|shop:111",
                    "tombstone stock_quant|shop:4").doesNotContain("tombstone product_product|shop:3");
            assertThat(file.changes().safeSequence()).isEqualTo(memory.changes().safeSequence()).isPositive();
        }
    }

    @Test
    void sequencesGoOnAfterARestartAndTombstonesStay() {
        long safe;
        long seq;
        try (ReadModel model = ReadModels.open(ReadModelConfig.builder().dataDirectory(dir).build())) {
            model.projector().apply("shop", "product.product", List.of(OdooRows.product(1, "A"), OdooRows.product(2, "B")), F);
            model.projector().delete("shop", "product.product", List.of(2L));
            safe = model.changes().safeSequence();
            seq = (Long) model.projector().find("shop", "product.product", 1).orElseThrow().get("_seq");
            assertThat(seq).isLessThanOrEqualTo(safe);
        }
        try (ReadModel model = ReadModels.open(ReadModelConfig.builder().dataDirectory(dir).build())) {
            assertThat(model.changes().safeSequence()).isEqualTo(safe);
            assertThat(everything(model)).containsKey("tombstone product_product|shop:2");
            model.projector().apply("shop", "product.product", List.of(OdooRows.product(1, "A2")), F.plusSeconds(1));
            assertThat((Long) model.projector().find("shop", "product.product", 1).orElseThrow().get("_seq")).isGreaterThan(safe);
            assertThat(model.changes().safeSequence()).isGreaterThan(safe);
        }
    }

    @Test
    void threadsWritingTheFileStoreNeverPassTheSafeSequence() throws Exception {
        try (ReadModel model = ReadModels.open(ReadModelConfig.builder().dataDirectory(dir).build());
             ChangeWatcher watcher = ChangeWatcher.of(model, List.of("product_product", "stock_quant", "product_stock"))) {
            model.projector().apply("shop", "stock.location", List.of(OdooRows.location(5, "WH/Stock", "internal", 1)), F);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    ConcurrentChangesTest.write(model.projector(), writer);
                    return null;
                }));
            }
            pool.shutdown();
            while (!pool.isTerminated()) {
                watcher.check();
            }
            for (Future<?> f : writers) {
                f.get();
            }
            watcher.check();
            assertThat(watcher.checks()).isGreaterThan(2);
            assertThat(watcher.lastSafe()).isEqualTo(model.changes().safeSequence());
        }
    }

    /** Every sequenced document's {@code _seq} and every tombstone (without its time), by collection and id. */
    static Map<String, Object> everything(ReadModel model) {
        Map<String, Object> out = new TreeMap<>();
        try (MongoClient client = MongoClients.create(ChangeLogTest.uri(model))) {
            var db = client.getDatabase("odoo_bridge");
            for (String name : SEQUENCED) {
                for (Document d : db.getCollection(name).find()) {
                    Object seq = d.get(ChangeLog.SEQUENCE_FIELD);
                    assertThat(seq).as("%s %s", name, d.get("_id")).isInstanceOf(Long.class);
                    out.put(name + "|" + d.get("_id"), seq);
                }
            }
            for (Document t : db.getCollection(ChangeLog.TOMBSTONES).find()) {
                t.remove("deletedAt");
                out.put("tombstone " + t.get("_id"), t.toJson());
            }
        }
        return out;
    }
}
