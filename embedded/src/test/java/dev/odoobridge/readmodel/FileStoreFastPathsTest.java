package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store in this process is written through its fast paths (existence from its index, inserts of new
 * reference entries, one commit per page); the in-memory store with standard commands only. The same pages
 * applied to both give the same documents and stock views.
 */
class FileStoreFastPathsTest {
    private static final Instant F = Instant.parse("2026-11-21T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theFastPathsGiveTheSameReadModelAsStandardCommands() {
        try (ReadModel memory = ReadModels.open(ReadModelConfig.builder().inMemory().build());
             ReadModel file = ReadModels.open(ReadModelConfig.builder().dataDirectory(dir).build())) {
            for (ReadModel model : List.of(memory, file)) {
                applyHistory(model.projector());
            }
            for (long id = 1; id <= 120; id++) {
                assertThat(file.stock().product("shop", id)).as("product %d", id).isEqualTo(memory.stock().product("shop", id));
                assertThat(file.projector().find("shop", "product.product", id).map(d -> d.get("name")))
                        .isEqualTo(memory.projector().find("shop", "product.product", id).map(d -> d.get("name")));
            }
            assertThat(file.stock().product("shop", 7)).get().satisfies(p -> assertThat(p.onHand()).isEqualTo(7 % 9 + 3));
            assertThat(file.projector().ids("shop", "stock.quant", 1, 1_000))
                    .isEqualTo(memory.projector().ids("shop", "stock.quant", 1, 1_000)).hasSize(110);
            assertThat(file.projector().count("shop", "product.product", 1, 1_000)).isEqualTo(120);
        }
    }

    static void applyHistory(Projector projector) {
        projector.apply("shop", "stock.location", List.of(OdooRows.location(5, "WH/Stock", "internal", 1),
                OdooRows.location(9, "Vendors", "supplier", 0)), F);
        pages(120, 50, id -> OdooRows.product(id, "Product " + id), r -> projector.apply("shop", "product.product", r, F));
        pages(120, 50, id -> OdooRows.supplier(id, 70 + id % 3, id, id),
                r -> projector.apply("shop", "product.supplierinfo", r, F));
        pages(120, 50, id -> OdooRows.quant(id, id, 5, id % 9), r -> projector.apply("shop", "stock.quant", r, F));
        pages(30, 50, id -> OdooRows.orderpoint(id, id, 1, 4), r -> projector.apply("shop", "stock.warehouse.orderpoint", r, F));
        pages(20, 50, id -> OdooRows.move(id, id, 9, 5, 2, "assigned", OdooRows.T0),
                r -> projector.apply("shop", "stock.move", r, F));
        // later versions: renamed products, quants raised, some quants gone
        Instant later = F.plusSeconds(60);
        List<OdooRecord> renamed = new ArrayList<>();
        List<OdooRecord> raised = new ArrayList<>();
        for (long id = 1; id <= 60; id++) {
            renamed.add(OdooRows.row(id, "2026-11-21 20:00:00").with("name", "Renamed " + id)
                    .with("display_name", "Renamed " + id).with("default_code", "C" + id).with("barcode", OdooRows.FALSE)
                    .m2o("product_tmpl_id", id, "Renamed " + id).with("active", true).build());
            raised.add(OdooRows.quant(id, id, 5, id % 9 + 3, 0, "2026-11-21 20:00:00"));
        }
        projector.apply("shop", "product.product", renamed, later);
        projector.apply("shop", "stock.quant", raised, later);
        projector.delete("shop", "stock.quant", List.of(111L, 112L, 113L, 114L, 115L, 116L, 117L, 118L, 119L, 120L));
    }

    private static void pages(int count, int size, java.util.function.LongFunction<OdooRecord> row,
                              Consumer<List<OdooRecord>> apply) {
        List<OdooRecord> page = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            page.add(row.apply(id));
            if (page.size() == size) {
                apply.accept(page);
                page = new ArrayList<>();
            }
        }
        if (!page.isEmpty()) {
            apply.accept(page);
        }
    }
}
