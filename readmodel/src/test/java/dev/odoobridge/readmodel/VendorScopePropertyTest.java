package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.readmodel.report.StockStatusRow;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.readmodel.stock.VendorInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever partner ids and sources a scope names, only products those partners supply in those sources come back. */
class VendorScopePropertyTest {
    private static ReadModel model;

    @BeforeContainer
    static void open() {
        model = ReadModels.open(ReadModelConfig.builder().inMemory().build());
        Instant f = Instant.parse("2026-11-21T12:00:00Z");
        for (String source : List.of("a", "b")) {
            List<dev.odoobridge.client.OdooRecord> products = new ArrayList<>();
            List<dev.odoobridge.client.OdooRecord> suppliers = new ArrayList<>();
            for (int p = 1; p <= 30; p++) {
                products.add(OdooRows.product(p, source + p));
                // partner (p % 6) + 1 supplies product p; every 5th product has a second vendor
                suppliers.add(OdooRows.supplier(p, (p % 6) + 1, p, p));
                if (p % 5 == 0) {
                    suppliers.add(OdooRows.supplier(100 + p, source.equals("a") ? 7 : 8, p, p));
                }
            }
            model.projector().apply(source, "product.product", products, f);
            model.projector().apply(source, "product.supplierinfo", suppliers, f);
        }
    }

    @AfterContainer
    static void close() {
        model.close();
    }

    @Property(tries = 25)
    void noLeaks(@ForAll @Size(min = 1, max = 4) Set<@IntRange(min = 1, max = 12) Integer> partners,
                 @ForAll @IntRange(min = 0, max = 2) int sourceChoice) {
        List<Long> ids = partners.stream().map(Integer::longValue).toList();
        String source = List.of("a", "b", "c").get(sourceChoice);
        VendorScope scope = VendorScope.of(source, ids);
        List<StockStatusRow> rows = model.reports().stockStatus(scope);
        for (StockStatusRow r : rows) {
            assertThat(r.source()).isEqualTo(source);
            List<Long> vendors = model.stock().product(source, r.productId()).orElseThrow().vendors().stream()
                    .map(VendorInfo::partnerId).toList();
            assertThat(vendors).containsAnyElementsOf(ids);
        }
        long expected = source.equals("c") ? 0 : java.util.stream.IntStream.rangeClosed(1, 30).filter(p ->
                ids.contains((long) (p % 6) + 1) || (p % 5 == 0 && ids.contains(source.equals("a") ? 7L : 8L))).count();
        assertThat(rows).hasSize((int) expected);
    }
}
