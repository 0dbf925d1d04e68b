package dev.odoobridge.testkit;

import dev.odoobridge.testkit.internal.data.GeneratorOptions;
import dev.odoobridge.testkit.internal.data.OdooFlavour;
import dev.odoobridge.testkit.internal.data.RetailGeneration;
import java.time.Instant;
import java.util.Objects;

/**
 * A deterministic generator of a retail business in Odoo's data model: company, shops with
 * warehouses and locations, vendors, customers, a product catalogue with barcodes, supplier infos
 * and reordering rules, lots with expiry dates, quants, and a sales history with smooth,
 * intermittent, trending and weekly-seasonal demand, plus a few purchase orders.
 *
 * <p>The same options (including the seed and {@code now}) always produce the same records in
 * the same order. Records go to a {@link RecordSink} in dependency order, in Odoo's wire
 * conventions, using only fields of the retail schema; one2many fields and computed fields
 * such as {@code stock.location.warehouse_id} are left to the store, as Odoo computes them.
 * Generation is single-threaded and fast: 100,000 products with their sales come to about a
 * million records in seconds.
 *
 * <pre>{@code
 * RetailDataSummary summary = RetailDataGenerator.builder().seed(7).products(500).build().generate(sink);
 * long vendor = summary.demoVendorId();
 * }</pre>
 */
public final class RetailDataGenerator {

    private final GeneratorOptions options;

    private RetailDataGenerator(GeneratorOptions options) {
        this.options = options;
    }

    /** A builder with the defaults: seed 42, 2 shops, 8 vendors, 200 products, 300 customers, 150 days. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this generator's options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = options.seed();
        b.warehouses = options.warehouses();
        b.vendors = options.vendors();
        b.products = options.products();
        b.customers = options.customers();
        b.days = options.days();
        b.now = options.now();
        b.expiredLotShare = options.expiredLotShare();
        b.nearExpiryLotShare = options.nearExpiryLotShare();
        b.maxSaleLines = options.maxSaleLines();
        b.userId = options.userId();
        b.odooVersion = options.flavour().version();
        b.productExpiry = options.flavour().productExpiry();
        b.writeDates = new WriteDates(options.importBatch());
        return b;
    }

    /** The instant all generated dates are relative to. */
    public Instant now() {
        return options.now();
    }

    /**
     * Writes the whole business into {@code sink} and returns what was written.
     *
     * @throws IllegalStateException if the sink returns a non-positive id
     */
    public RetailDataSummary generate(RecordSink sink) {
        return new RetailGeneration(options).run(Objects.requireNonNull(sink, "sink == null"));
    }

    /** Options of a {@link RetailDataGenerator}; validated by {@link #build()}. */
    public static final class Builder {

        private long seed = 42;
        private int warehouses = 2;
        private int vendors = 8;
        private int products = 200;
        private int customers = 300;
        private int days = 150;
        private Instant now;
        private double expiredLotShare = 0.05;
        private double nearExpiryLotShare = 0.10;
        private int maxSaleLines = 120_000;
        private long userId = 2;
        private String odooVersion = "19.0";
        private boolean productExpiry;
        private WriteDates writeDates = WriteDates.SPREAD;

        private Builder() {
        }

        /** Seed of every random choice (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Number of shops, one warehouse each (default 2, at most 99). */
        public Builder warehouses(int warehouses) {
            this.warehouses = warehouses;
            return this;
        }

        /** Number of vendors (default 8); the first is the demo vendor. */
        public Builder vendors(int vendors) {
            this.vendors = vendors;
            return this;
        }

        /** Number of products, one variant each (default 200; scales to millions). */
        public Builder products(int products) {
            this.products = products;
            return this;
        }

        /** Number of top-level customers (default 300); about a fifth are companies with contacts. */
        public Builder customers(int customers) {
            this.customers = customers;
            return this;
        }

        /** Days of sales history before the day of {@link #now(Instant)} (default 150, at least 14). */
        public Builder days(int days) {
            this.days = days;
            return this;
        }

        /**
         * The instant all dates are relative to (truncated to seconds). Defaults to the time
         * {@link #build()} is called; set it for reproducible output.
         */
        public Builder now(Instant now) {
            this.now = Objects.requireNonNull(now, "now == null");
            return this;
        }

        /** Share of lots that are already expired (default 0.05). */
        public Builder expiredLotShare(double share) {
            this.expiredLotShare = share;
            return this;
        }

        /** Share of lots that expire within the next 30 days (default 0.10). */
        public Builder nearExpiryLotShare(double share) {
            this.nearExpiryLotShare = share;
            return this;
        }

        /**
         * Budget of confirmed sale lines (default 120,000). When the catalogue's expected demand
         * exceeds it, only a random share of the products has a sales history (the others have
         * pattern {@link DemandPattern#NONE}), so the total stays near the budget.
         */
        public Builder maxSaleLines(int maxSaleLines) {
            this.maxSaleLines = maxSaleLines;
            return this;
        }

        /** The res.users id written as salesperson, create_uid and write_uid (default 2, the admin). */
        public Builder userId(long userId) {
            this.userId = userId;
            return this;
        }

        /**
         * The Odoo version whose schema the records fit (default {@code 19.0}): 17.0 marks storable products with
         * {@code detailed_type = 'product'}, 18.0 and 19.0 with {@code type = 'consu'} and {@code is_storable};
         * before 19.0 stock moves get a {@code name} and reordering rules a {@code qty_multiple}.
         */
        public Builder odooVersion(String odooVersion) {
            this.odooVersion = Objects.requireNonNull(odooVersion, "odooVersion == null");
            return this;
        }

        /**
         * Whether the target has the product_expiry module (default false, like a stock 19.0): lots get an
         * {@code expiration_date} only then, and only then are some of them expired or near expiry.
         */
        public Builder productExpiry(boolean productExpiry) {
            this.productExpiry = productExpiry;
            return this;
        }

        /**
         * How the write dates fall into seconds (default {@link WriteDates#SPREAD}); {@link WriteDates#bulkImport(int)}
         * reproduces a CSV import in transactions and mass updates, thousands of records in one second.
         */
        public Builder writeDates(WriteDates writeDates) {
            this.writeDates = Objects.requireNonNull(writeDates, "writeDates == null");
            return this;
        }

        /**
         * Validates the options and creates the generator.
         *
         * @throws IllegalArgumentException naming the option that is out of range
         */
        public RetailDataGenerator build() {
            Instant at = now != null ? now : Instant.now();
            return new RetailDataGenerator(new GeneratorOptions(seed, warehouses, vendors, products, customers, days,
                    at, expiredLotShare, nearExpiryLotShare, maxSaleLines, userId,
                    new OdooFlavour(odooVersion, productExpiry), writeDates.recordsPerTransaction()));
        }
    }
}
