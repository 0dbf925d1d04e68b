package dev.odoobridge.testkit.internal.data;

import dev.odoobridge.testkit.DemandPattern;
import dev.odoobridge.testkit.RecordSink;
import dev.odoobridge.testkit.RetailDataSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One generation run: writes master data, catalogue, stock plan, sales, quants and purchases in
 * dependency order (every reference points to a record inserted earlier). Each phase draws from
 * its own split of the seeded generator, so the output depends only on the options.
 */
public final class RetailGeneration {

    private static final Logger LOG = LoggerFactory.getLogger(RetailGeneration.class);
    private static final int SAMPLE = 20;

    private final GeneratorOptions options;

    /** A run with the given options. */
    public RetailGeneration(GeneratorOptions options) {
        this.options = Objects.requireNonNull(options, "options == null");
    }

    /** Writes everything into {@code sink} and summarises what was written. */
    public RetailDataSummary run(RecordSink sink) {
        long started = System.nanoTime();
        Emitter out = new Emitter(sink, options.userId(), options.flavour());
        Timeline time = Timeline.of(options.now().getEpochSecond(), options.days(), options.importBatch() > 0);
        SplittableRandom root = new SplittableRandom(options.seed());
        SetupClock clock = new SetupClock(time.setupSecond(),
                (long) options.products() * 8 + options.customers() * 2L + options.vendors(), options.importBatch());

        MasterData master = new MasterDataWriter(out, options, time, clock, root.split()).write();
        Catalog catalog = new CatalogWriter(out, master, time, clock, root.split(), options.seed())
                .write(options.products());
        DemandModel demand = new DemandModel(options.seed(), options.products(), options.warehouses(), time,
                options.maxSaleLines(), root.split());
        StockPlan plan = new StockWriter(out, options, master, catalog, demand, time, clock, root.split()).write();
        new SalesWriter(out, master, catalog, demand, plan, time, root.split()).write();
        QuantWriter quants = new QuantWriter(out, master, catalog, plan, time, root.split());
        quants.write();
        new PurchaseWriter(out, master, catalog, time, root.split()).write();
        new OtherKindsWriter(out, master, time).write();

        Map<String, Long> counts = out.counts();
        RetailDataSummary summary = new RetailDataSummary(counts, master.companyId(), list(master.warehouseIds()),
                list(master.stockLocationIds()), master.supplierLocationId(), master.customerLocationId(),
                master.inventoryLocationId(), list(master.vendorIds()), examples(catalog, demand),
                quants.expiredLotsWithStock(), quants.nearExpiryLotsWithStock(),
                LocalDate.ofEpochDay(time.firstDay()), LocalDate.ofEpochDay(time.firstDay() + time.days() - 1),
                options.now());
        if (LOG.isDebugEnabled()) {
            LOG.debug("Generated {} records in {} ms: {}", summary.totalRecords(),
                    (System.nanoTime() - started) / 1_000_000, counts);
        }
        return summary;
    }

    private static Map<DemandPattern, List<Long>> examples(Catalog catalog, DemandModel demand) {
        Map<DemandPattern, List<Long>> out = new EnumMap<>(DemandPattern.class);
        for (DemandPattern pattern : DemandPattern.values()) {
            out.put(pattern, new ArrayList<>());
        }
        for (int p = 0; p < catalog.size; p++) {
            List<Long> ids = out.get(demand.pattern(p));
            if (ids.size() < SAMPLE) {
                ids.add(catalog.productIds[p]);
            }
        }
        return out;
    }

    private static List<Long> list(long[] ids) {
        List<Long> out = new ArrayList<>(ids.length);
        for (long id : ids) {
            out.add(id);
        }
        return out;
    }
}
